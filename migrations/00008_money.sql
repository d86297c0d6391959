-- +goose Up
-- Money (DESIGN.md "Money"): a double-entry ledger, payments in (escrow and
-- deposits, Stripe or bank transfer), money out (payouts to workshops,
-- refunds), Stripe webhook events, payout accounts, and the funding state of
-- contracts. Amounts are integer minor units (fen).

ALTER TABLE users DROP CONSTRAINT users_staff_role_check;
ALTER TABLE users ADD CONSTRAINT users_staff_role_check CHECK (staff_role IN ('admin', 'moderator', 'finance'));

-- Contracts: 'lapsed' replaces the never-used 'disputed' (a dispute belongs
-- to a delivery, not the whole contract); funding timestamps and the day
-- the contract lapses if not funded.
ALTER TABLE contracts DROP CONSTRAINT contracts_status_check;
ALTER TABLE contracts ADD CONSTRAINT contracts_status_check CHECK (status IN ('awaiting_funding', 'active',
    'materials_sent', 'in_production', 'delivering', 'settling', 'settled', 'lapsed', 'cancelled'));
ALTER TABLE contracts
    ADD COLUMN funding_due_at   timestamptz,
    ADD COLUMN escrow_funded_at timestamptz,
    ADD COLUMN deposit_paid_at  timestamptz,
    ADD COLUMN activated_at     timestamptz,
    ADD COLUMN ended_at         timestamptz,
    ADD COLUMN end_reason       text NOT NULL DEFAULT '',
    ADD COLUMN cancel_requested_by uuid REFERENCES orgs (id),
    ADD COLUMN cancel_reason    text NOT NULL DEFAULT '';
UPDATE contracts SET funding_due_at = created_at + interval '7 days' WHERE funding_due_at IS NULL;
ALTER TABLE contracts ALTER COLUMN funding_due_at SET NOT NULL;
CREATE INDEX contracts_funding_due_idx ON contracts (funding_due_at) WHERE status = 'awaiting_funding';

-- Ledger accounts. One row per (kind, contract, org): contract accounts are
-- per contract, platform accounts have neither. balance is a cache of the
-- sum of the account's entries, kept by a trigger and checked by tests.
CREATE TABLE ledger_accounts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('funds_in_transit', 'contract_escrow', 'contract_deposit',
                    'workshop_payable', 'platform_commission', 'provider_clearing', 'refunds_payable',
                    'material_compensation')),
    contract_id uuid REFERENCES contracts (id),
    provider    text NOT NULL DEFAULT '',
    currency    text NOT NULL DEFAULT 'CNY',
    balance     bigint NOT NULL DEFAULT 0,
    -- Money held for someone can never go below zero.
    CONSTRAINT held_not_negative CHECK (balance >= 0 OR kind = 'provider_clearing'),
    UNIQUE NULLS NOT DISTINCT (kind, contract_id, provider, currency)
);

CREATE TABLE ledger_transactions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id  uuid REFERENCES contracts (id),
    kind         text NOT NULL,
    -- Deterministic: the same movement posted twice is refused, so a retried
    -- webhook or job can never move money twice.
    posting_key  text NOT NULL UNIQUE,
    memo         text NOT NULL DEFAULT '',
    payment_id   uuid,
    disbursement_id uuid,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_transactions_contract_idx ON ledger_transactions (contract_id, id);

CREATE TABLE ledger_entries (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id bigint NOT NULL REFERENCES ledger_transactions (id),
    account_id     bigint NOT NULL REFERENCES ledger_accounts (id),
    amount         bigint NOT NULL CHECK (amount <> 0)
);
CREATE INDEX ledger_entries_tx_idx ON ledger_entries (transaction_id);
CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_id);

-- +goose StatementBegin
-- Entries are written once and never changed.
CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only' USING ERRCODE = 'restrict_violation';
END $$;
-- +goose StatementEnd
CREATE TRIGGER ledger_entries_no_change BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

-- +goose StatementBegin
-- Each entry moves its account's cached balance (the row lock serialises
-- concurrent postings to one account; the CHECK refuses a negative hold).
CREATE FUNCTION ledger_entries_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ledger_accounts SET balance = balance + NEW.amount WHERE id = NEW.account_id;
    RETURN NEW;
END $$;
-- +goose StatementEnd
CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_apply();

-- +goose StatementBegin
-- Every transaction's entries sum to zero, checked at commit: no code path
-- can write an unbalanced (or empty) transaction.
CREATE FUNCTION ledger_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
    total numeric;
BEGIN
    SELECT count(*), coalesce(sum(amount), 0) INTO n, total FROM ledger_entries WHERE transaction_id = NEW.id;
    IF n < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % is unbalanced (% entries, sum %)', NEW.id, n, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER ledger_transactions_balanced AFTER INSERT ON ledger_transactions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balanced();

-- Bank-transfer references: DS-YYYYMMDD-NNNN, numbered per day.
CREATE TABLE payment_reference_days (
    day  date PRIMARY KEY,
    last integer NOT NULL
);

-- Money coming in: a contract's escrow (from the company) or deposit (from
-- the workshop).
CREATE TABLE payments (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_id     uuid NOT NULL REFERENCES contracts (id),
    purpose         text NOT NULL CHECK (purpose IN ('escrow', 'deposit')),
    payer_org_id    uuid NOT NULL REFERENCES orgs (id),
    provider        text NOT NULL CHECK (provider IN ('stripe', 'manual')),
    seq             integer NOT NULL,
    amount          bigint NOT NULL CHECK (amount > 0),
    amount_received bigint CHECK (amount_received >= 0),
    currency        text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'succeeded', 'short', 'over', 'failed', 'cancelled')),
    reference       text NOT NULL UNIQUE,
    provider_ref    text UNIQUE, -- Stripe PaymentIntent id
    provider_charge text,        -- its charge id (source_transaction of payouts)
    client_secret   text,
    failure_reason  text NOT NULL DEFAULT '',
    bank_reference  text NOT NULL DEFAULT '',
    receipt_note    text NOT NULL DEFAULT '',
    created_by      uuid REFERENCES users (id),
    confirmed_by    uuid REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    settled_at      timestamptz,
    UNIQUE (contract_id, purpose, seq)
);
-- One open payment per contract and purpose: a second click returns the first.
CREATE UNIQUE INDEX payments_open_key ON payments (contract_id, purpose) WHERE status = 'pending';
CREATE INDEX payments_status_idx ON payments (status, created_at);

-- Money going out: payouts to the workshop, refunds to either side,
-- material compensation to the company.
CREATE TABLE disbursements (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_id     uuid NOT NULL REFERENCES contracts (id),
    kind            text NOT NULL CHECK (kind IN ('payout', 'refund', 'compensation')),
    recipient_org_id uuid NOT NULL REFERENCES orgs (id),
    provider        text NOT NULL CHECK (provider IN ('stripe', 'manual')),
    amount          bigint NOT NULL CHECK (amount > 0),
    currency        text NOT NULL,
    -- What the money is from: the payment a refund returns (Stripe refunds
    -- name a charge; transfers use it as source_transaction).
    payment_id      uuid REFERENCES payments (id),
    status          text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'reversed')),
    idempotency_key text NOT NULL UNIQUE,
    provider_ref    text UNIQUE,
    bank_reference  text NOT NULL DEFAULT '',
    failure_reason  text NOT NULL DEFAULT '',
    sent_by         uuid REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX disbursements_contract_idx ON disbursements (contract_id, created_at);
CREATE INDEX disbursements_status_idx ON disbursements (status, created_at);

-- Stripe webhook events, stored once by id: a replay is acknowledged and changes nothing.
CREATE TABLE stripe_events (
    id           text PRIMARY KEY,
    type         text NOT NULL,
    payload      jsonb NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz
);

-- Where a workshop (or a company, for refunds) is paid: a Stripe Connect
-- account, or a bank account that finance staff pay by hand.
CREATE TABLE payout_accounts (
    org_id          uuid PRIMARY KEY REFERENCES orgs (id),
    provider        text NOT NULL CHECK (provider IN ('stripe', 'manual')),
    account_name    text NOT NULL DEFAULT '',
    bank_name       text NOT NULL DEFAULT '',
    account_number  text NOT NULL DEFAULT '',
    stripe_account  text UNIQUE,
    payouts_enabled boolean NOT NULL DEFAULT false,
    updated_by      uuid REFERENCES users (id),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE payout_accounts, stripe_events, disbursements, payments, payment_reference_days,
    ledger_entries, ledger_transactions, ledger_accounts;
DROP FUNCTION ledger_transaction_balanced, ledger_entries_apply, ledger_entries_append_only;
ALTER TABLE contracts DROP COLUMN funding_due_at, DROP COLUMN escrow_funded_at, DROP COLUMN deposit_paid_at,
    DROP COLUMN activated_at, DROP COLUMN ended_at, DROP COLUMN end_reason, DROP COLUMN cancel_requested_by,
    DROP COLUMN cancel_reason;
-- The checks as 00001 and 00005 made them; they refuse (and so stop the Down)
-- while a finance account or a lapsed contract exists.
ALTER TABLE users DROP CONSTRAINT users_staff_role_check;
ALTER TABLE users ADD CONSTRAINT users_staff_role_check CHECK (staff_role IN ('admin', 'moderator'));
ALTER TABLE contracts DROP CONSTRAINT contracts_status_check;
ALTER TABLE contracts ADD CONSTRAINT contracts_status_check CHECK (status IN ('awaiting_funding', 'active',
    'materials_sent', 'in_production', 'delivering', 'settling', 'settled', 'cancelled', 'disputed'));
