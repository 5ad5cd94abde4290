## Hoa hồng: xem thu nhập, chốt sổ tháng, chi trả

earnings-button = 💰 Hoa hồng
earnings-not-active = Chỉ cộng tác viên đang hoạt động mới xem được hoa hồng. Tài khoản của bạn: { $status }.
earnings-not-active-pending = Tài khoản của bạn đang chờ duyệt. Hoa hồng sẽ hiện ở đây khi bạn được duyệt và có đơn giao thành công.
earnings-title = <b>Hoa hồng của bạn</b> · { $code }
earnings-this-month = <b>Tháng này</b> ({ $period }, đến hôm nay)
    Chờ duyệt: { $pending }
    Đã duyệt: { $approved }
earnings-last-month-open = <b>Tháng trước</b> ({ $period }): chưa chốt sổ. Đã duyệt trong tháng: { $gross }.
earnings-last-month-payout = <b>Tháng trước</b> ({ $period }): tổng { $gross } · thuế TNCN { $tax } · thực nhận <b>{ $net }</b>
earnings-last-month-carried = <b>Tháng trước</b> ({ $period }): { $gross }, dưới mức chi trả tối thiểu nên được cộng dồn sang tháng sau.
earnings-last-month-nothing = <b>Tháng trước</b> ({ $period }): không có hoa hồng.
earnings-payout-pending = Trạng thái: đang chờ chi trả.
earnings-payout-paid = Trạng thái: đã chi trả.
earnings-payout-paid-reference = Trạng thái: đã chi trả (mã giao dịch { $reference }).
earnings-carried = Số dư chuyển từ các tháng trước: { $carried }
earnings-orders-none = Chưa có đơn nào giao thành công trong { $period }.
earnings-orders-header = <b>Chi tiết đơn { $period }</b> ({ $page }/{ $pages })
earnings-order-line = { $number } · { $date } · { $sales } → <b>{ $commission }</b> · { $state }
earnings-orders-total = <b>Tổng hoa hồng { $count } đơn: { $total }</b> (không tính đơn bị trả lại)
earnings-state-pending = chờ duyệt
earnings-state-approved = đã duyệt
earnings-state-voided = hủy do trả hàng
earnings-state-clawed-back = thu hồi do trả hàng
earnings-notice-payable = 🎉 Hoa hồng đã duyệt của bạn đạt { $balance }, từ mức chi trả tối thiểu { $minimum } trở lên. Khoản này sẽ được chi trả khi chốt sổ cuối tháng.
earnings-notice-paid = 💸 Hoa hồng { $period } đã được chuyển khoản: thực nhận <b>{ $net }</b> (đã khấu trừ thuế TNCN { $tax }).
earnings-notice-reference = Mã giao dịch: { $reference }.

# Chốt sổ tháng (quản trị)
close-usage = Cách dùng: /close YYYY-MM, ví dụ /close 2026-11.
close-not-ended = Chưa thể chốt sổ { $period }: tháng này chưa kết thúc (bây giờ là { $current }). Chỉ chốt sổ được các tháng đã qua.
close-report-title = <b>Chốt sổ { $period }</b>
close-report-again = Tháng này đã được chốt sổ trước đó; lần chạy lại này không thay đổi gì.
close-report-again-changed = Tháng này đã được chốt sổ trước đó; lần này ghi thêm { $entries } bút toán.
close-report-approved = Duyệt thêm: { $count } khoản hoa hồng
close-report-tiers = Thưởng doanh số: { $count } CTV · { $total }
close-report-overrides = Hoa hồng giới thiệu: { $count } khoản · { $total }
close-report-payouts = Chi trả: { $count } CTV · tổng { $gross } · thuế TNCN { $tax } · thực chi { $net }
close-report-carried = Cộng dồn sang tháng sau: { $count } CTV · { $total }
close-payouts-button = 📋 Danh sách chi trả

# Chi trả (quản trị)
payouts-usage = Cách dùng: /payouts YYYY-MM, ví dụ /payouts 2026-11.
payouts-none = Không có khoản chi trả nào cho { $period }.
payouts-header = <b>Chi trả { $period }</b>: { $count } CTV, { $pending } khoản chưa chi.
payouts-item = <b>{ $code }</b> · { $name } · thực nhận { $net } · { $status }
payouts-status-pending = chưa chi
payouts-status-paid = đã chi
payouts-status-paid-reference = đã chi ({ $reference })
payouts-paid-button = ✅ Đã chi { $code }
payouts-all-hint = Đánh dấu tất cả đã chi kèm mã giao dịch: /payout_paid all { $period } MÃ_GD
payout-paid-usage = Cách dùng: /payout_paid MÃ_CTV YYYY-MM [mã giao dịch], hoặc /payout_paid all YYYY-MM MÃ_GD
payout-paid-done = Đã đánh dấu { $count } khoản chi trả { $period } là đã chi; cộng tác viên đã được báo.
payout-paid-already = Khoản chi trả { $period } của { $code } đã được đánh dấu từ trước.
payout-paid-none = Không còn khoản nào chưa chi cho { $period }.
payout-not-found = { $code } không có khoản chi trả nào cho { $period }.

# Điều chỉnh thủ công (quản trị)
adjust-usage = Cách dùng: /adjust MÃ_CTV SỐ_TIỀN lý do, ví dụ /adjust CTV0042 -50000 trừ phí ship đơn DH-000123
adjust-bad-amount = Số tiền điều chỉnh phải là số nguyên đồng khác 0, ví dụ 50000 hoặc -50000.
adjust-needs-reason = Vui lòng ghi lý do điều chỉnh (ít nhất 3 ký tự).
adjust-done = Đã ghi điều chỉnh { $amount } cho { $code }, tính vào { $period }. Lý do: { $reason }
close-superseded = Không thể chốt sổ { $period } nữa: tháng { $latest } đã được chốt và khoản chi của tháng đó đã gồm mọi hoa hồng được duyệt đến lúc ấy, kể cả của { $period }.
adjust-too-large = Số tiền điều chỉnh quá lớn: tối đa { $max } ₫ mỗi lần. Vui lòng kiểm tra lại số chữ số.
