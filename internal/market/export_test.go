package market

// Direct unpacking, exposed to the tests that compare it with the bindings.
var (
	UnpackPurchased            = (*Decoder).unpackPurchased
	UnpackCollaboratorCredited = (*Decoder).unpackCollaboratorCredited
)
