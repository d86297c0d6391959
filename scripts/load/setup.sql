-- Helper tables for the pgbench comparison (numbered ids to pick at random).
DROP TABLE IF EXISTS load_orders, load_workshops;
CREATE TABLE load_orders AS SELECT row_number() OVER (ORDER BY id) AS n, id, company_id, unit_price
    FROM orders WHERE status = 'published';
CREATE TABLE load_workshops AS SELECT row_number() OVER (ORDER BY o.id) AS n, o.id, m.user_id
    FROM orgs o JOIN memberships m ON m.org_id = o.id WHERE o.kind = 'workshop' AND o.verified_at IS NOT NULL;
CREATE UNIQUE INDEX ON load_orders (n);
CREATE UNIQUE INDEX ON load_workshops (n);
ANALYZE load_orders, load_workshops;
SELECT (SELECT count(*) FROM load_orders) AS orders, (SELECT count(*) FROM load_workshops) AS workshops;
