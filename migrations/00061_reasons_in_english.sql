-- +goose Up
-- Reasons the server writes itself (expiry, auto-suspension, bids ended by
-- the order, a lapsed or settled contract, an edit's changed fields) are kept
-- in both languages: the Chinese in the existing column, the English beside
-- it. The English is '' for text a person typed, which reads as written in
-- both languages (market.Msg.Columns).
ALTER TABLE orders ADD COLUMN status_reason_en text NOT NULL DEFAULT '';
ALTER TABLE bids ADD COLUMN status_reason_en text NOT NULL DEFAULT '';
ALTER TABLE order_events ADD COLUMN reason_en text NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN end_reason_en text NOT NULL DEFAULT '';

-- Until now those reasons were one "中文 / English" string: split the ones
-- the server wrote (people's text is left as typed).
UPDATE orders SET status_reason = split_part(status_reason, ' / ', 1), status_reason_en = split_part(status_reason, ' / ', 2)
WHERE status_reason IN ('报名截止 / bidding deadline passed',
    '多家机构举报，暂停待平台复核 / reported by several organisations; suspended pending review',
    '条款已修改，重新审核 / terms changed, back to review', '合同失效或取消，数量退回 / a contract ended; its quantity is open again',
    '演示数据 / demo data');
UPDATE bids SET status_reason = split_part(status_reason, ' / ', 1), status_reason_en = split_part(status_reason, ' / ', 2)
WHERE status_reason IN ('订单已全部授予 / the order has been fully awarded', '企业取消了订单 / the company cancelled the order',
    '选定期限已过 / the award window has passed', '订单条款已修改，请按新条款重新报价 / the order''s terms changed; bid again on the new terms');
UPDATE order_events SET reason = split_part(reason, ' / ', 1), reason_en = split_part(reason, ' / ', 2)
WHERE reason IN ('报名截止 / bidding deadline passed',
    '多家机构举报，暂停待平台复核 / reported by several organisations; suspended pending review',
    '条款已修改，重新审核 / terms changed, back to review', '合同失效或取消，数量退回 / a contract ended; its quantity is open again',
    '演示数据 / demo data');
UPDATE order_events SET reason = '修改了：' || substr(reason, length('修改 / changed: ') + 1), reason_en = 'changed: ' || substr(reason, length('修改 / changed: ') + 1)
WHERE reason LIKE '修改 / changed: %';
UPDATE contracts SET end_reason = '结算完成', end_reason_en = 'settled' WHERE end_reason = 'settled';
UPDATE contracts SET end_reason = '由平台结算', end_reason_en = 'settled by staff' WHERE end_reason = 'settled by staff';
UPDATE contracts SET end_reason = '未在 ' || replace(substr(end_reason, 15), '-', '/') || ' 前托管货款',
    end_reason_en = 'not funded by ' || to_char(to_date(substr(end_reason, 15), 'YYYY-MM-DD'), 'DD/MM/YYYY')
WHERE end_reason ~ '^not funded by \d{4}-\d{2}-\d{2}$';
UPDATE contracts SET end_reason = '平台取消：' || substr(end_reason, length('cancelled by staff: ') + 1), end_reason_en = end_reason
WHERE end_reason LIKE 'cancelled by staff: %';
UPDATE contracts SET end_reason = '双方同意取消：' || substr(end_reason, length('both parties agreed: ') + 1), end_reason_en = end_reason
WHERE end_reason LIKE 'both parties agreed: %';

-- +goose Down
UPDATE orders SET status_reason = status_reason || ' / ' || status_reason_en WHERE status_reason_en <> '';
UPDATE bids SET status_reason = status_reason || ' / ' || status_reason_en WHERE status_reason_en <> '';
UPDATE order_events SET reason = reason || ' / ' || reason_en WHERE reason_en <> '';
UPDATE contracts SET end_reason = end_reason_en WHERE end_reason_en <> '';
ALTER TABLE orders DROP COLUMN status_reason_en;
ALTER TABLE bids DROP COLUMN status_reason_en;
ALTER TABLE order_events DROP COLUMN reason_en;
ALTER TABLE contracts DROP COLUMN end_reason_en;
