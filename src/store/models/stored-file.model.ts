/**
 * Files served by signed link (statements and training documents sent on Zalo, which takes
 * no uploads). The bytes live in MongoDB through GridFS, in this bucket: chunks of 255 kB, so
 * a file is not bound by the 16 MB document limit and several web instances serve the same
 * files. Checked on the embedded emulator too: upload, download and metadata queries work.
 */
export const STORED_FILES_BUCKET = 'stored_files';

/** Larger files are refused: a statement is a few hundred kilobytes. */
export const MAX_STORED_FILE_BYTES = 20 * 1024 * 1024;

/** What is kept beside the bytes, in the GridFS file document's `metadata`. */
export interface StoredFileMetadata {
  fileName: string;
  mimeType: string;
  /** SHA-256 of the bytes (hex): sending the same file again reuses the stored copy. */
  sha256: string;
  /** When a link to the file was last issued; files unlinked for long are removed. */
  lastLinkedAt: Date;
}
