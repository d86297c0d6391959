package payments

import "context"

// ManualProvider is bank transfer: the payer transfers to the platform's
// account with the payment's reference in the memo, finance staff confirm
// what arrived, and send payouts and refunds from the bank themselves.
type ManualProvider struct{}

func (ManualProvider) Name() string { return Manual }

func (ManualProvider) Charge(context.Context, ChargeRequest) (Charge, error) { return Charge{}, nil }

func (ManualProvider) Refund(context.Context, RefundRequest) (string, error) { return "", ErrManual }

func (ManualProvider) Transfer(context.Context, TransferRequest) (string, error) {
	return "", ErrManual
}

func (ManualProvider) ConnectAccount(context.Context, string, string, string) (string, error) {
	return "", ErrManual
}

func (ManualProvider) OnboardingLink(context.Context, string, string, string) (string, error) {
	return "", ErrManual
}

func (ManualProvider) ParseWebhook([]byte, string) (Fact, error) { return Fact{}, ErrBadSignature }

func (ManualProvider) DecodeEvent([]byte) (Fact, error) { return Fact{}, ErrBadSignature }

func (ManualProvider) SimulatePayment(TestPayment) ([]byte, string, error) { return nil, "", ErrManual }
