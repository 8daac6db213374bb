//! The page texts of delivery: checkout's options and the parcels' journeys.

use crate::web::i18n::Text;

pub const TEXTS: &[Text] = &[
    (
        "delivery_choose_address",
        "Chọn tỉnh và xã/phường để xem phí và thời gian giao.",
        "Choose the province and commune to see delivery prices and days.",
    ),
    ("delivery_none", "Chưa có cách giao nào tới địa chỉ này.", "No delivery option reaches this address yet."),
    ("delivery_show", "Xem phí giao hàng", "Show delivery prices"),
    ("weight_estimated", "ước tính: có sản phẩm chưa ghi khối lượng", "estimated: a product has no weight"),
    ("days", "ngày", "days"),
    ("cod_fee", "phí thu hộ", "COD fee"),
    (
        "sample_rates",
        "Giá theo bảng giá mẫu của hãng; giá thật có khi hãng kết nối.",
        "Priced from the carriers' sample rate cards until their own prices are connected.",
    ),
    ("total_with_delivery", "Tổng cộng gồm giao hàng", "Total with delivery"),
    ("parcels", "Kiện hàng", "Parcels"),
    ("print_label", "In nhãn gửi hàng", "Print the shipping label"),
    ("own_delivery", "Tự giao / khách nhận tại chỗ", "Own delivery or pick-up"),
    ("other_carrier", "Hãng khác (nhập mã vận đơn)", "Another carrier (type its tracking number)"),
    ("other_carrier_name", "Tên hãng khác", "Other carrier's name"),
    ("return_restock", "Hàng hoàn về: nhập lại kho", "Returned: put back in stock"),
    ("return_written_off", "Hàng hoàn về: hư hỏng, hủy", "Returned: write it off"),
    ("ship_with", "Gửi qua", "Ship with"),
    ("create_shipment", "Tạo vận đơn", "Create the shipment"),
    ("track_with_carrier", "Theo dõi trên trang của hãng", "Track on the carrier's site"),
    ("ship_booking", "Đang đặt với hãng", "Booking with the carrier"),
    ("ship_booked", "Đã đặt, chờ lấy hàng", "Booked, awaiting pick-up"),
    ("ship_picked_up", "Hãng đã lấy hàng", "Picked up"),
    ("ship_in_transit", "Đang vận chuyển", "In transit"),
    ("ship_out_for_delivery", "Đang giao", "Out for delivery"),
    ("ship_delivered", "Đã giao", "Delivered"),
    ("ship_delivery_failed", "Giao không thành công", "Delivery attempt failed"),
    ("ship_returning", "Đang hoàn về", "Returning"),
    ("ship_returned", "Đã hoàn về người bán", "Returned"),
    ("ship_cancelled", "Đã hủy", "Cancelled"),
    ("ship_lost", "Thất lạc / hư hỏng", "Lost or damaged"),
];
