// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// BittunesMarketCollaborator is an auto generated low-level Go binding around an user-defined struct.
type BittunesMarketCollaborator struct {
	Account common.Address
	Bps     uint16
}

// BittunesMarketQuote is an auto generated low-level Go binding around an user-defined struct.
type BittunesMarketQuote struct {
	Price            *big.Int
	FeeBps           uint16
	ReferralBps      uint16
	CreditedReferrer common.Address
	ArtistAmount     *big.Int
	ReferrerAmount   *big.Int
	FeeAmount        *big.Int
}

// BittunesMarketTrackInfo is an auto generated low-level Go binding around an user-defined struct.
type BittunesMarketTrackInfo struct {
	Artist        common.Address
	Price         *big.Int
	ReferralBps   *big.Int
	Listed        bool
	ContentHash   [32]byte
	Collaborators []BittunesMarketCollaborator
}

// MarketMetaData contains all meta data concerning the Market contract.
var MarketMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"initialOwner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"feeRecipient_\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"feeBps_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"AlreadyOwned\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"totalBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxBps\",\"type\":\"uint256\"}],\"name\":\"CollaboratorSharesTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxBps\",\"type\":\"uint256\"}],\"name\":\"FeeTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"IncorrectPayment\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"InvalidAddress\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"InvalidCollaborator\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"MissingContentHash\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"}],\"name\":\"NotTrackArtist\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"name\":\"PackageAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxPrice\",\"type\":\"uint256\"}],\"name\":\"PriceTooHigh\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxBps\",\"type\":\"uint256\"}],\"name\":\"ReferralShareTooHigh\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RenounceDisabled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"SelfPurchase\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feeBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referralBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxFeeBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minReferralBps\",\"type\":\"uint256\"}],\"name\":\"TermsChanged\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxCount\",\"type\":\"uint256\"}],\"name\":\"TooManyCollaborators\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"name\":\"TrackNotListed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"name\":\"UnknownTrack\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"ZeroCollaboratorShare\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"}],\"name\":\"CollaboratorAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"CollaboratorCredited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousRecipient\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newRecipient\",\"type\":\"address\"}],\"name\":\"FeeRecipientUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"previousBps\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newBps\",\"type\":\"uint256\"}],\"name\":\"FeeUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"listed\",\"type\":\"bool\"}],\"name\":\"ListingUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"MetadataURIUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"previousPrice\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newPrice\",\"type\":\"uint256\"}],\"name\":\"PriceUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"artistAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"referrerAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"feeAmount\",\"type\":\"uint256\"}],\"name\":\"Purchased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"previousBps\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newBps\",\"type\":\"uint256\"}],\"name\":\"ReferralShareUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"referralBps\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"TrackRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"acceptOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"feeConfig\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"accrued\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"limits\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"maxFeeBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxReferralBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxCollaborators\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxPrice\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"owns\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingOwner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"maxFeeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"minReferralBps\",\"type\":\"uint16\"}],\"name\":\"purchase\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"maxFeeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"minReferralBps\",\"type\":\"uint16\"}],\"name\":\"purchaseFor\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"quote\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"referralBps\",\"type\":\"uint16\"},{\"internalType\":\"address\",\"name\":\"creditedReferrer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"artistAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referrerAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feeAmount\",\"type\":\"uint256\"}],\"internalType\":\"structBittunesMarket.Quote\",\"name\":\"q\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referralBps\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"bps\",\"type\":\"uint16\"}],\"internalType\":\"structBittunesMarket.Collaborator[]\",\"name\":\"collaborators\",\"type\":\"tuple[]\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"}],\"name\":\"setFeeBps\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"setFeeRecipient\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"listed\",\"type\":\"bool\"}],\"name\":\"setListed\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"setMetadataURI\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"setPrice\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referralBps\",\"type\":\"uint256\"}],\"name\":\"setReferralBps\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"name\":\"track\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referralBps\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"listed\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"bps\",\"type\":\"uint16\"}],\"internalType\":\"structBittunesMarket.Collaborator[]\",\"name\":\"collaborators\",\"type\":\"tuple[]\"}],\"internalType\":\"structBittunesMarket.TrackInfo\",\"name\":\"info\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"}],\"name\":\"trackByPackage\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"trackCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"withdrawTo\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Market",
	Bin: "0x6080604052346101e857604051601f6126a738819003918201601f19168301916001600160401b0383118484101761018d578084926060946040528339810103126101e85761004d816101ec565b90604061005c602083016101ec565b910151916001600160a01b031680156101d557600180546001600160a01b03199081169091555f8054918216831781556001600160a01b03909116907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a36001600160a01b031690811580156101cc575b6101b9576103e881116101a1576040519160608301916001600160401b0383118484101761018d57604092835281845261ffff811660208501525f9383018490526001600160a01b03821660a082901b61ffff60a01b161760025582517f528d9479e9f9889a87a3c30c7f7ba537e5e59c4c85a37733b16e57c62df61302949092907faaebcf1bfa00580e41d966056b48521fa9f202645c86d4ddf28113e617c1b1d38180a35f82526020820152a16040516124a690816102018239f35b634e487b7160e01b5f52604160045260245ffd5b6373ab893560e11b5f526004526103e860245260445ffd5b50634726455360e11b5f5260045260245ffd5b503082146100cf565b631e4fbdf760e01b5f525f60045260245ffd5b5f80fd5b51906001600160a01b03821682036101e85756fe60806040526004361015610011575f80fd5b5f3560e01c8063087dce941461188f57806319383b36146111a45780631e5eb1d0146111265780632903ecc2146110ca578063391f1078146110235780633ccfd60b14610fe25780633e28cbf114610f735780635fe0d49014610f0157806370a0823114610e67578063715018a614610e0957806372b0d90c14610d8c57806372c27b6214610c9957806379ba509714610b935780638539010214610b24578063860aefcf14610acc5780638da5cb5b14610a7c578063ab35678c14610a41578063e30c3978146109f0578063e74b981b146108cd578063f09449ba146107a9578063f2fde38b146106ec578063f3cb5e9f14610490578063f73f9e15146101e55763f7d9757714610121575f80fd5b346101e15760407f15819dd2fd9f6418b142e798d08a18d0bf06ea368f4480b7b0d3f75bd966bc48610152366119d0565b61015d829492611bf8565b9061016781611c8d565b6101d468ffffffffffffffffff835460a01c169268ffffffffffffffffff83167fffffff000000000000000000ffffffffffffffffffffffffffffffffffffffff7cffffffffffffffffff000000000000000000000000000000000000000083549260a01b169116179055565b82519182526020820152a2005b5f80fd5b346101e15760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157600435606060a0610223611a82565b5f81525f60208201525f60408201525f838201525f60808201520152805f52600460205260405f20610253611a42565b905473ffffffffffffffffffffffffffffffffffffffff811692838352602083019268ffffffffffffffffff8360a01c168452604081019461ffff8460e81c168652606082019360f81c8452156104645761ffff68ffffffffffffffffff73ffffffffffffffffffffffffffffffffffffffff60019351169551169551169251161515815f52600560205260405f2054915f52600760205260405f20926102f8611a82565b94855260208501958652604085019081526060850191825260808501928352835467ffffffffffffffff811161043757858585858461033d60208d9760051b01611aa2565b9381855260208501905f5260205f205f915b83831061040c575050505060a084019283526040519586956020875273ffffffffffffffffffffffffffffffffffffffff60e08801965116602088015251604087015251606086015251151560808501525160a0840152519060c0808401528151809152602061010084019201905f5b8181106103cd575050500390f35b8251805173ffffffffffffffffffffffffffffffffffffffff16855260209081015161ffff1681860152869550604090940193909201916001016103bf565b600160208192610422859d98999a9b9c9d611bb1565b8152019201920191909897969594939861034f565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b507fbdbf1fe5000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b346101e15760807ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e1576004356104ca611956565b6104d261199c565b60643573ffffffffffffffffffffffffffffffffffffffff81168091036101e1576040519260e0840184811067ffffffffffffffff821117610437576040525f8452602084015f8152604085015f815260608601915f835260808701935f855260a08801955f875260c08901975f89528a5f52600460205260405f2092610557611a42565b93549373ffffffffffffffffffffffffffffffffffffffff8516808252602082019168ffffffffffffffffff8760a01c1683526060604082019761ffff8160e81c16895260f81c910152156106c0579361ffff959293869461064b9360e09f8f68ffffffffffffffffff73ffffffffffffffffffffffffffffffffffffffff9d9c9a511690528760025460a01c1687528785511689525f5260086020528a60405f2091169283151592836106b3575b50826106a8575b5081610693575b5061068b575b508b5190848451169089895116155f146106815750845f5b1691612710809492820204938493820204928391030390565b89528952895260405199518a525116602089015251166040870152511660608501525160808401525160a08301525160c0820152f35b8580915116610632565b87528d61061a565b9050815f5260205260405f205415158f610614565b83141591505f61060d565b8c1684141592505f610606565b8c7fbdbf1fe5000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b346101e15760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e15773ffffffffffffffffffffffffffffffffffffffff610738611979565b6107406123f6565b16807fffffffffffffffffffffffff0000000000000000000000000000000000000000600154161760015573ffffffffffffffffffffffffffffffffffffffff5f54167f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e227005f80a3005b346101e15760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157600435602435801515908181036101e1577fc2556aa492ceac782330a612ec5e2ffaa68a43c8e8583ab2fb4d923f5c10c1e59161087760209261081a86611bf8565b9015610880576001815460f81c177effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7fff0000000000000000000000000000000000000000000000000000000000000083549260f81b169116179055565b604051908152a2005b80547effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff81167ffe00000000000000000000000000000000000000000000000000000000000000909116179055565b346101e15760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157610904611979565b61090c6123f6565b61091581612416565b73ffffffffffffffffffffffffffffffffffffffff610932611b68565b69ffffffffffffffffffff604082015116806109ce575b5060208101515f60408461095b611a62565b961680875261ffff8416602088015295015273ffffffffffffffffffffffffffffffffffffffff841660a09190911b75ffff0000000000000000000000000000000000000000161760025551167faaebcf1bfa00580e41d966056b48521fa9f202645c86d4ddf28113e617c1b1d35f80a3005b828251165f5260096020526109e860405f20918254611ba4565b905583610949565b346101e1575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157602073ffffffffffffffffffffffffffffffffffffffff60015416604051908152f35b346101e1575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e1576020600354604051908152f35b346101e1575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157602073ffffffffffffffffffffffffffffffffffffffff5f5416604051908152f35b346101e1575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e15760806040516103e8815261138860208201526007604082015268ffffffffffffffffff6060820152f35b60a07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157610b56611979565b610b5e61199c565b610b666119bf565b916084359161ffff83168093036101e15761ffff610b9194610b8784612416565b1691602435611d15565b005b346101e1575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e1576001543373ffffffffffffffffffffffffffffffffffffffff821603610c6d577fffffffffffffffffffffffff0000000000000000000000000000000000000000166001555f54337fffffffffffffffffffffffff00000000000000000000000000000000000000008216175f5573ffffffffffffffffffffffffffffffffffffffff3391167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e05f80a3005b7f118cdaa7000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b346101e15760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157600435610cd36123f6565b6103e88111610d5b5760407f528d9479e9f9889a87a3c30c7f7ba537e5e59c4c85a37733b16e57c62df61302916002549075ffff00000000000000000000000000000000000000008160a01b167fffffffffffffffffffff0000ffffffffffffffffffffffffffffffffffffffff83161760025561ffff83519260a01c1682526020820152a1005b7fe757126a000000000000000000000000000000000000000000000000000000005f526004526103e860245260445ffd5b346101e15760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e1576020610dde610dc8611979565b610dd06121c5565b610dd981612416565b612239565b5f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d604051908152f35b346101e1575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157610e3f6123f6565b7f89051165000000000000000000000000000000000000000000000000000000005f5260045ffd5b346101e15760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157602073ffffffffffffffffffffffffffffffffffffffff610eb5611979565b16805f526009825260405f2054906002549073ffffffffffffffffffffffffffffffffffffffff821614610eed575b50604051908152f35b90610efb9160b01c90611ba4565b82610ee4565b346101e15760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157610f38611956565b6004355f52600860205273ffffffffffffffffffffffffffffffffffffffff60405f2091165f52602052602060405f20541515604051908152f35b346101e15760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e15773ffffffffffffffffffffffffffffffffffffffff610fbf611979565b165f52600660205260405f206024355f52602052602060405f2054604051908152f35b346101e1575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e1576110186121c5565b6020610dde33612239565b346101e15760407f52cc5e5e7013c0e1e9d198919fd170de03673a3be5e488315d9dd94ba90117ef611054366119d0565b61105f829492611bf8565b9061106981611cd8565b6101d461ffff835460e81c169261ffff83167fff0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7effff000000000000000000000000000000000000000000000000000000000083549260e81b169116179055565b60807ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e1576110fc611956565b6044359061ffff82168092036101e157610b919161ffff61111b6119bf565b169133600435611d15565b346101e1575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e157606061115e611b68565b73ffffffffffffffffffffffffffffffffffffffff8151169069ffffffffffffffffffff604061ffff602084015116920151169060405192835260208301526040820152f35b346101e15760a07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e15760243560443560043560643567ffffffffffffffff81116101e1576111fc903690600401611928565b90916084359267ffffffffffffffff84116101e157366023850112156101e15783600401359567ffffffffffffffff87116101e1576024850194602436918960061b0101116101e15761124e83611c8d565b61125781611cd8565b851561186757335f52600660205260405f2092865f528360205260405f205480611834575060078811611803575f5f5b8981106116a25750612710811161167157506003547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8114611644577fbf38672a28377a2908a4392366e51a40e6322d0592bb168327f6f395ea196a4f9360016114ba920198899687600355815f526020528660405f20556001878c61163b575b60ff6114879261143761ffff8a6113e768ffffffffffffffffff8c61132b611a42565b98338a528260208b01921682528560408b01951685528860608b01981688525f52600460205273ffffffffffffffffffffffffffffffffffffffff8060405f209a5116167fffffffffffffffffffffffff00000000000000000000000000000000000000008a5416178955511687907fffffff000000000000000000ffffffffffffffffffffffffffffffffffffffff7cffffffffffffffffff000000000000000000000000000000000000000083549260a01b169116179055565b5185547fff0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffff16911660e81b7effff000000000000000000000000000000000000000000000000000000000016178455565b5182547effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff16911660f81b7fff0000000000000000000000000000000000000000000000000000000000000016179055565b865f5260056020528060405f20556040519485948552602085015260408401526080606084015233966080840191611a04565b0390a3815f52600760205260405f20905f5b8481106114de57602084604051908152f35b6114e9818684611ae6565b908354680100000000000000008110156104375780600161150d9201865585611b23565b92909261160f57857f9c2d62e5bd2e2648a7f2c28761459d062c5a60cd9ea93b0a68f2d9ea857803ce602073ffffffffffffffffffffffffffffffffffffffff6115fb826115f5886115ee8f99828b8f60019f6115a089868d6115726115e999611b38565b167fffffffffffffffffffffffff000000000000000000000000000000000000000085541617845501611b59565b7fffffffffffffffffffff0000ffffffffffffffffffffffffffffffffffffffff75ffff000000000000000000000000000000000000000083549260a01b169116179055611ae6565b611b38565b988c611ae6565b01611b59565b9461ffff604051961686521693a3016114cc565b7f4e487b71000000000000000000000000000000000000000000000000000000005f525f60045260245ffd5b60039150611308565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b7f662dbab3000000000000000000000000000000000000000000000000000000005f5260045261271060245260445ffd5b9073ffffffffffffffffffffffffffffffffffffffff6116c66115e9848d8c611ae6565b16801580156117fa575b80156117f1575b6117c2578a83915f5b8b84821061175957602092506115f59150936116ff9361ffff95611ae6565b161561172d5761172660019161ffff61171f60206115f58f88908f611ae6565b1690611ba4565b9101611287565b507ffe0aeae1000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b8294506115e98273ffffffffffffffffffffffffffffffffffffffff939561178093611ae6565b16146117925760010183918c916116e0565b50827f4426ac3b000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b827f4426ac3b000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b503381146116d7565b503081146116d0565b877fb08c5a31000000000000000000000000000000000000000000000000000000005f52600452600760245260445ffd5b877f036bd75e000000000000000000000000000000000000000000000000000000005f523360045260245260445260645ffd5b7f8ce8bb7b000000000000000000000000000000000000000000000000000000005f5260045ffd5b346101e15760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc3601126101e15760043560243567ffffffffffffffff81116101e1576119027fbf65482a576bba07ddf407b0dd39c63d560c7765323c11cc051d4a9413881a61913690600401611928565b61190b84611bf8565b50611923604051928392602084526020840191611a04565b0390a2005b9181601f840112156101e15782359167ffffffffffffffff83116101e157602083818601950101116101e157565b6024359073ffffffffffffffffffffffffffffffffffffffff821682036101e157565b6004359073ffffffffffffffffffffffffffffffffffffffff821682036101e157565b6044359073ffffffffffffffffffffffffffffffffffffffff821682036101e157565b6064359061ffff821682036101e157565b7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc60409101126101e1576004359060243590565b601f82602094937fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe093818652868601375f8582860101520116010190565b604051906080820182811067ffffffffffffffff82111761043757604052565b604051906060820182811067ffffffffffffffff82111761043757604052565b6040519060c0820182811067ffffffffffffffff82111761043757604052565b907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f604051930116820182811067ffffffffffffffff82111761043757604052565b9190811015611af65760061b0190565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b8054821015611af6575f5260205f2001905f90565b3573ffffffffffffffffffffffffffffffffffffffff811681036101e15790565b3561ffff811681036101e15790565b611b70611a62565b9060025473ffffffffffffffffffffffffffffffffffffffff8116835261ffff8160a01c16602084015260b01c6040830152565b9190820180921161164457565b906040516040810181811067ffffffffffffffff82111761043757604052915473ffffffffffffffffffffffffffffffffffffffff8116835260a01c61ffff166020830152565b90815f52600460205260405f209173ffffffffffffffffffffffffffffffffffffffff835416908115611c6257338203611c30575050565b7f83395ddf000000000000000000000000000000000000000000000000000000005f526004523360245260445260645ffd5b7fbdbf1fe5000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b68ffffffffffffffffff8111611ca05750565b7f87ebe85d000000000000000000000000000000000000000000000000000000005f5260045268ffffffffffffffffff60245260445ffd5b6113888111611ce45750565b7fe954dc27000000000000000000000000000000000000000000000000000000005f5260045261138860245260445ffd5b90929391815f52600460205260405f20549173ffffffffffffffffffffffffffffffffffffffff83169468ffffffffffffffffff8460a01c1661ffff8560e81c169460f81c91859060018416156121935782340361215f5773ffffffffffffffffffffffffffffffffffffffff16968789148015612156575b61212657845f52600860205260405f2090885f528160205260405f2080546120f65773ffffffffffffffffffffffffffffffffffffffff88169283151593846120eb575b846120d1575b5050600190556002549a61ffff8c60a01c1698818a1180156120c0575b612077575050509087911561206d575b937fc395d24b295d2c2a10d85d92679a03c3120876fbb1a541c4536451442dece9b360a073ffffffffffffffffffffffffffffffffffffffff611e5f600298859a9b88612710809492820204938493820204928391030390565b9b91908c9f8261200a575b5080611ff1575b60405198338a5260208a01528c60408a0152606089015260808801521694a416611eb5575b50505081611ea2575050565b5f52600960205260405f20908154019055565b90919293508192815f52600760205260405f20918254925f908515915b858110611ee95750505050505050905f8080611e96565b611efc611ef68284611b23565b50611bb1565b9773ffffffffffffffffffffffffffffffffffffffff8951168681148015611fe8575b611fb9575061ffff60208a0151168089029089820414851715611644576127109004908115611fae5790857ffc7abe6d078394d1a9e3e9ef663445d0b37f14cfc7b0527cb6a1a40484414e23602073ffffffffffffffffffffffffffffffffffffffff8460019796039d818151165f526009835260405f20868154019055511693604051908152a35b01611ed2565b985050600190611fa8565b857f060cdcd2000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b50338114611f1f565b8383165f52600960205260405f20818154019055611e71565b60b081901c830169ffffffffffffffffffff811161203157508260b01b018b555b5f611e6a565b9085165f52600960205261204a60405f20918254611ba4565b905575ffffffffffffffffffffffffffffffffffffffffffff8b54168b5561202b565b505f945084611e05565b91879160a4938b604051947f460483e900000000000000000000000000000000000000000000000000000000865260048601526024850152604484015260648301526084820152fd5b50838015611df55750828110611df5565b909193505f52602052600160405f2054151592905f611dd8565b338114159450611dd2565b89877f6a46e4ae000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b88857f060cdcd2000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b50338914611d8e565b82857f869afcee000000000000000000000000000000000000000000000000000000005f526004523460245260445260645ffd5b848915611c62577f63a62b47000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c6122115760017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d565b7f3ee5aeb5000000000000000000000000000000000000000000000000000000005f5260045ffd5b90335f52600960205260405f205491826123e3575b612256611b68565b73ffffffffffffffffffffffffffffffffffffffff8151163314806123ca575b612389575b50821561235d575f8080808673ffffffffffffffffffffffffffffffffffffffff861695866040518381527fd1c19fbcd4551a5edfb66d43d2e337c04837afda3482b42bdf569a8fccdae5fb60203392a35af13d15612358573d67ffffffffffffffff81116104375761231560207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f84011601611aa2565b9081525f60203d92013e5b156123285750565b90507f1c43b976000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b612320565b7fdc69dc16000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b9269ffffffffffffffffffff60406123a5939501511690611ba4565b9175ffffffffffffffffffffffffffffffffffffffffffff600254166002555f61227b565b5069ffffffffffffffffffff6040820151161515612276565b335f5260096020525f604081205561224e565b73ffffffffffffffffffffffffffffffffffffffff5f54163303610c6d57565b73ffffffffffffffffffffffffffffffffffffffff1680158015612467575b61243c5750565b7f8e4c8aa6000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b5030811461243556fea264697066735822122052410c74925056cf3b9e9839235335ba89b600939208fd0db59d23ad3ea12d1464736f6c63430008250033",
}

// Market is an auto generated Go binding around an Ethereum contract.
type Market struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Market) GetABI() abi.ABI {
	return c.abi
}

// NewMarket creates a new instance of Market.
func NewMarket() *Market {
	parsed, err := MarketMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Market{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Market) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address initialOwner, address feeRecipient_, uint256 feeBps_) returns()
func (market *Market) PackConstructor(initialOwner common.Address, feeRecipient_ common.Address, feeBps_ *big.Int) []byte {
	enc, err := market.abi.Pack("", initialOwner, feeRecipient_, feeBps_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptOwnership() returns()
func (market *Market) PackAcceptOwnership() []byte {
	enc, err := market.abi.Pack("acceptOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptOwnership() returns()
func (market *Market) TryPackAcceptOwnership() ([]byte, error) {
	return market.abi.Pack("acceptOwnership")
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (market *Market) PackBalanceOf(account common.Address) []byte {
	enc, err := market.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (market *Market) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return market.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (market *Market) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := market.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackFeeConfig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e5eb1d0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function feeConfig() view returns(address recipient, uint256 bps, uint256 accrued)
func (market *Market) PackFeeConfig() []byte {
	enc, err := market.abi.Pack("feeConfig")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFeeConfig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e5eb1d0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function feeConfig() view returns(address recipient, uint256 bps, uint256 accrued)
func (market *Market) TryPackFeeConfig() ([]byte, error) {
	return market.abi.Pack("feeConfig")
}

// FeeConfigOutput serves as a container for the return parameters of contract
// method FeeConfig.
type FeeConfigOutput struct {
	Recipient common.Address
	Bps       *big.Int
	Accrued   *big.Int
}

// UnpackFeeConfig is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1e5eb1d0.
//
// Solidity: function feeConfig() view returns(address recipient, uint256 bps, uint256 accrued)
func (market *Market) UnpackFeeConfig(data []byte) (FeeConfigOutput, error) {
	out, err := market.abi.Unpack("feeConfig", data)
	outstruct := new(FeeConfigOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Recipient = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Bps = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Accrued = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x860aefcf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function limits() pure returns(uint256 maxFeeBps, uint256 maxReferralBps, uint256 maxCollaborators, uint256 maxPrice)
func (market *Market) PackLimits() []byte {
	enc, err := market.abi.Pack("limits")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x860aefcf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function limits() pure returns(uint256 maxFeeBps, uint256 maxReferralBps, uint256 maxCollaborators, uint256 maxPrice)
func (market *Market) TryPackLimits() ([]byte, error) {
	return market.abi.Pack("limits")
}

// LimitsOutput serves as a container for the return parameters of contract
// method Limits.
type LimitsOutput struct {
	MaxFeeBps        *big.Int
	MaxReferralBps   *big.Int
	MaxCollaborators *big.Int
	MaxPrice         *big.Int
}

// UnpackLimits is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x860aefcf.
//
// Solidity: function limits() pure returns(uint256 maxFeeBps, uint256 maxReferralBps, uint256 maxCollaborators, uint256 maxPrice)
func (market *Market) UnpackLimits(data []byte) (LimitsOutput, error) {
	out, err := market.abi.Unpack("limits", data)
	outstruct := new(LimitsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.MaxFeeBps = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.MaxReferralBps = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.MaxCollaborators = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.MaxPrice = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (market *Market) PackOwner() []byte {
	enc, err := market.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (market *Market) TryPackOwner() ([]byte, error) {
	return market.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (market *Market) UnpackOwner(data []byte) (common.Address, error) {
	out, err := market.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackOwns is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5fe0d490.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owns(uint256 trackId, address account) view returns(bool)
func (market *Market) PackOwns(trackId *big.Int, account common.Address) []byte {
	enc, err := market.abi.Pack("owns", trackId, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwns is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5fe0d490.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owns(uint256 trackId, address account) view returns(bool)
func (market *Market) TryPackOwns(trackId *big.Int, account common.Address) ([]byte, error) {
	return market.abi.Pack("owns", trackId, account)
}

// UnpackOwns is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5fe0d490.
//
// Solidity: function owns(uint256 trackId, address account) view returns(bool)
func (market *Market) UnpackOwns(data []byte) (bool, error) {
	out, err := market.abi.Unpack("owns", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingOwner() view returns(address)
func (market *Market) PackPendingOwner() []byte {
	enc, err := market.abi.Pack("pendingOwner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingOwner() view returns(address)
func (market *Market) TryPackPendingOwner() ([]byte, error) {
	return market.abi.Pack("pendingOwner")
}

// UnpackPendingOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe30c3978.
//
// Solidity: function pendingOwner() view returns(address)
func (market *Market) UnpackPendingOwner(data []byte) (common.Address, error) {
	out, err := market.abi.Unpack("pendingOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPurchase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2903ecc2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function purchase(uint256 trackId, address referrer, uint16 maxFeeBps, uint16 minReferralBps) payable returns()
func (market *Market) PackPurchase(trackId *big.Int, referrer common.Address, maxFeeBps uint16, minReferralBps uint16) []byte {
	enc, err := market.abi.Pack("purchase", trackId, referrer, maxFeeBps, minReferralBps)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPurchase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2903ecc2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function purchase(uint256 trackId, address referrer, uint16 maxFeeBps, uint16 minReferralBps) payable returns()
func (market *Market) TryPackPurchase(trackId *big.Int, referrer common.Address, maxFeeBps uint16, minReferralBps uint16) ([]byte, error) {
	return market.abi.Pack("purchase", trackId, referrer, maxFeeBps, minReferralBps)
}

// PackPurchaseFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x85390102.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function purchaseFor(address recipient, uint256 trackId, address referrer, uint16 maxFeeBps, uint16 minReferralBps) payable returns()
func (market *Market) PackPurchaseFor(recipient common.Address, trackId *big.Int, referrer common.Address, maxFeeBps uint16, minReferralBps uint16) []byte {
	enc, err := market.abi.Pack("purchaseFor", recipient, trackId, referrer, maxFeeBps, minReferralBps)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPurchaseFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x85390102.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function purchaseFor(address recipient, uint256 trackId, address referrer, uint16 maxFeeBps, uint16 minReferralBps) payable returns()
func (market *Market) TryPackPurchaseFor(recipient common.Address, trackId *big.Int, referrer common.Address, maxFeeBps uint16, minReferralBps uint16) ([]byte, error) {
	return market.abi.Pack("purchaseFor", recipient, trackId, referrer, maxFeeBps, minReferralBps)
}

// PackQuote is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf3cb5e9f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function quote(uint256 trackId, address referrer, address buyer, address recipient) view returns((uint256,uint16,uint16,address,uint256,uint256,uint256) q)
func (market *Market) PackQuote(trackId *big.Int, referrer common.Address, buyer common.Address, recipient common.Address) []byte {
	enc, err := market.abi.Pack("quote", trackId, referrer, buyer, recipient)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQuote is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf3cb5e9f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function quote(uint256 trackId, address referrer, address buyer, address recipient) view returns((uint256,uint16,uint16,address,uint256,uint256,uint256) q)
func (market *Market) TryPackQuote(trackId *big.Int, referrer common.Address, buyer common.Address, recipient common.Address) ([]byte, error) {
	return market.abi.Pack("quote", trackId, referrer, buyer, recipient)
}

// UnpackQuote is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf3cb5e9f.
//
// Solidity: function quote(uint256 trackId, address referrer, address buyer, address recipient) view returns((uint256,uint16,uint16,address,uint256,uint256,uint256) q)
func (market *Market) UnpackQuote(data []byte) (BittunesMarketQuote, error) {
	out, err := market.abi.Unpack("quote", data)
	if err != nil {
		return *new(BittunesMarketQuote), err
	}
	out0 := *abi.ConvertType(out[0], new(BittunesMarketQuote)).(*BittunesMarketQuote)
	return out0, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x19383b36.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(uint256 price, uint256 referralBps, bytes32 contentHash, string metadataURI, (address,uint16)[] collaborators) returns(uint256 trackId)
func (market *Market) PackRegister(price *big.Int, referralBps *big.Int, contentHash [32]byte, metadataURI string, collaborators []BittunesMarketCollaborator) []byte {
	enc, err := market.abi.Pack("register", price, referralBps, contentHash, metadataURI, collaborators)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x19383b36.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(uint256 price, uint256 referralBps, bytes32 contentHash, string metadataURI, (address,uint16)[] collaborators) returns(uint256 trackId)
func (market *Market) TryPackRegister(price *big.Int, referralBps *big.Int, contentHash [32]byte, metadataURI string, collaborators []BittunesMarketCollaborator) ([]byte, error) {
	return market.abi.Pack("register", price, referralBps, contentHash, metadataURI, collaborators)
}

// UnpackRegister is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x19383b36.
//
// Solidity: function register(uint256 price, uint256 referralBps, bytes32 contentHash, string metadataURI, (address,uint16)[] collaborators) returns(uint256 trackId)
func (market *Market) UnpackRegister(data []byte) (*big.Int, error) {
	out, err := market.abi.Unpack("register", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() view returns()
func (market *Market) PackRenounceOwnership() []byte {
	enc, err := market.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() view returns()
func (market *Market) TryPackRenounceOwnership() ([]byte, error) {
	return market.abi.Pack("renounceOwnership")
}

// PackSetFeeBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x72c27b62.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setFeeBps(uint256 bps) returns()
func (market *Market) PackSetFeeBps(bps *big.Int) []byte {
	enc, err := market.abi.Pack("setFeeBps", bps)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetFeeBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x72c27b62.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setFeeBps(uint256 bps) returns()
func (market *Market) TryPackSetFeeBps(bps *big.Int) ([]byte, error) {
	return market.abi.Pack("setFeeBps", bps)
}

// PackSetFeeRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe74b981b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setFeeRecipient(address recipient) returns()
func (market *Market) PackSetFeeRecipient(recipient common.Address) []byte {
	enc, err := market.abi.Pack("setFeeRecipient", recipient)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetFeeRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe74b981b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setFeeRecipient(address recipient) returns()
func (market *Market) TryPackSetFeeRecipient(recipient common.Address) ([]byte, error) {
	return market.abi.Pack("setFeeRecipient", recipient)
}

// PackSetListed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf09449ba.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setListed(uint256 trackId, bool listed) returns()
func (market *Market) PackSetListed(trackId *big.Int, listed bool) []byte {
	enc, err := market.abi.Pack("setListed", trackId, listed)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetListed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf09449ba.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setListed(uint256 trackId, bool listed) returns()
func (market *Market) TryPackSetListed(trackId *big.Int, listed bool) ([]byte, error) {
	return market.abi.Pack("setListed", trackId, listed)
}

// PackSetMetadataURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x087dce94.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setMetadataURI(uint256 trackId, string metadataURI) returns()
func (market *Market) PackSetMetadataURI(trackId *big.Int, metadataURI string) []byte {
	enc, err := market.abi.Pack("setMetadataURI", trackId, metadataURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetMetadataURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x087dce94.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setMetadataURI(uint256 trackId, string metadataURI) returns()
func (market *Market) TryPackSetMetadataURI(trackId *big.Int, metadataURI string) ([]byte, error) {
	return market.abi.Pack("setMetadataURI", trackId, metadataURI)
}

// PackSetPrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7d97577.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setPrice(uint256 trackId, uint256 price) returns()
func (market *Market) PackSetPrice(trackId *big.Int, price *big.Int) []byte {
	enc, err := market.abi.Pack("setPrice", trackId, price)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetPrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7d97577.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setPrice(uint256 trackId, uint256 price) returns()
func (market *Market) TryPackSetPrice(trackId *big.Int, price *big.Int) ([]byte, error) {
	return market.abi.Pack("setPrice", trackId, price)
}

// PackSetReferralBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x391f1078.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setReferralBps(uint256 trackId, uint256 referralBps) returns()
func (market *Market) PackSetReferralBps(trackId *big.Int, referralBps *big.Int) []byte {
	enc, err := market.abi.Pack("setReferralBps", trackId, referralBps)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetReferralBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x391f1078.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setReferralBps(uint256 trackId, uint256 referralBps) returns()
func (market *Market) TryPackSetReferralBps(trackId *big.Int, referralBps *big.Int) ([]byte, error) {
	return market.abi.Pack("setReferralBps", trackId, referralBps)
}

// PackTrack is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf73f9e15.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function track(uint256 trackId) view returns((address,uint256,uint256,bool,bytes32,(address,uint16)[]) info)
func (market *Market) PackTrack(trackId *big.Int) []byte {
	enc, err := market.abi.Pack("track", trackId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTrack is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf73f9e15.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function track(uint256 trackId) view returns((address,uint256,uint256,bool,bytes32,(address,uint16)[]) info)
func (market *Market) TryPackTrack(trackId *big.Int) ([]byte, error) {
	return market.abi.Pack("track", trackId)
}

// UnpackTrack is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf73f9e15.
//
// Solidity: function track(uint256 trackId) view returns((address,uint256,uint256,bool,bytes32,(address,uint16)[]) info)
func (market *Market) UnpackTrack(data []byte) (BittunesMarketTrackInfo, error) {
	out, err := market.abi.Unpack("track", data)
	if err != nil {
		return *new(BittunesMarketTrackInfo), err
	}
	out0 := *abi.ConvertType(out[0], new(BittunesMarketTrackInfo)).(*BittunesMarketTrackInfo)
	return out0, nil
}

// PackTrackByPackage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3e28cbf1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function trackByPackage(address artist, bytes32 contentHash) view returns(uint256 trackId)
func (market *Market) PackTrackByPackage(artist common.Address, contentHash [32]byte) []byte {
	enc, err := market.abi.Pack("trackByPackage", artist, contentHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTrackByPackage is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3e28cbf1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function trackByPackage(address artist, bytes32 contentHash) view returns(uint256 trackId)
func (market *Market) TryPackTrackByPackage(artist common.Address, contentHash [32]byte) ([]byte, error) {
	return market.abi.Pack("trackByPackage", artist, contentHash)
}

// UnpackTrackByPackage is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3e28cbf1.
//
// Solidity: function trackByPackage(address artist, bytes32 contentHash) view returns(uint256 trackId)
func (market *Market) UnpackTrackByPackage(data []byte) (*big.Int, error) {
	out, err := market.abi.Unpack("trackByPackage", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTrackCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xab35678c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function trackCount() view returns(uint256)
func (market *Market) PackTrackCount() []byte {
	enc, err := market.abi.Pack("trackCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTrackCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xab35678c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function trackCount() view returns(uint256)
func (market *Market) TryPackTrackCount() ([]byte, error) {
	return market.abi.Pack("trackCount")
}

// UnpackTrackCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xab35678c.
//
// Solidity: function trackCount() view returns(uint256)
func (market *Market) UnpackTrackCount(data []byte) (*big.Int, error) {
	out, err := market.abi.Unpack("trackCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (market *Market) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := market.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (market *Market) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return market.abi.Pack("transferOwnership", newOwner)
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw() returns(uint256 amount)
func (market *Market) PackWithdraw() []byte {
	enc, err := market.abi.Pack("withdraw")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw() returns(uint256 amount)
func (market *Market) TryPackWithdraw() ([]byte, error) {
	return market.abi.Pack("withdraw")
}

// UnpackWithdraw is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3ccfd60b.
//
// Solidity: function withdraw() returns(uint256 amount)
func (market *Market) UnpackWithdraw(data []byte) (*big.Int, error) {
	out, err := market.abi.Unpack("withdraw", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackWithdrawTo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x72b0d90c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawTo(address to) returns(uint256 amount)
func (market *Market) PackWithdrawTo(to common.Address) []byte {
	enc, err := market.abi.Pack("withdrawTo", to)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawTo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x72b0d90c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawTo(address to) returns(uint256 amount)
func (market *Market) TryPackWithdrawTo(to common.Address) ([]byte, error) {
	return market.abi.Pack("withdrawTo", to)
}

// UnpackWithdrawTo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x72b0d90c.
//
// Solidity: function withdrawTo(address to) returns(uint256 amount)
func (market *Market) UnpackWithdrawTo(data []byte) (*big.Int, error) {
	out, err := market.abi.Unpack("withdrawTo", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// MarketCollaboratorAdded represents a CollaboratorAdded event raised by the Market contract.
type MarketCollaboratorAdded struct {
	TrackId *big.Int
	Account common.Address
	Bps     *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const MarketCollaboratorAddedEventName = "CollaboratorAdded"

// ContractEventName returns the user-defined event name.
func (MarketCollaboratorAdded) ContractEventName() string {
	return MarketCollaboratorAddedEventName
}

// UnpackCollaboratorAddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CollaboratorAdded(uint256 indexed trackId, address indexed account, uint256 bps)
func (market *Market) UnpackCollaboratorAddedEvent(log *types.Log) (*MarketCollaboratorAdded, error) {
	event := "CollaboratorAdded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketCollaboratorAdded)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketCollaboratorCredited represents a CollaboratorCredited event raised by the Market contract.
type MarketCollaboratorCredited struct {
	TrackId *big.Int
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const MarketCollaboratorCreditedEventName = "CollaboratorCredited"

// ContractEventName returns the user-defined event name.
func (MarketCollaboratorCredited) ContractEventName() string {
	return MarketCollaboratorCreditedEventName
}

// UnpackCollaboratorCreditedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CollaboratorCredited(uint256 indexed trackId, address indexed account, uint256 amount)
func (market *Market) UnpackCollaboratorCreditedEvent(log *types.Log) (*MarketCollaboratorCredited, error) {
	event := "CollaboratorCredited"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketCollaboratorCredited)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketFeeRecipientUpdated represents a FeeRecipientUpdated event raised by the Market contract.
type MarketFeeRecipientUpdated struct {
	PreviousRecipient common.Address
	NewRecipient      common.Address
	Raw               *types.Log // Blockchain specific contextual infos
}

const MarketFeeRecipientUpdatedEventName = "FeeRecipientUpdated"

// ContractEventName returns the user-defined event name.
func (MarketFeeRecipientUpdated) ContractEventName() string {
	return MarketFeeRecipientUpdatedEventName
}

// UnpackFeeRecipientUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event FeeRecipientUpdated(address indexed previousRecipient, address indexed newRecipient)
func (market *Market) UnpackFeeRecipientUpdatedEvent(log *types.Log) (*MarketFeeRecipientUpdated, error) {
	event := "FeeRecipientUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketFeeRecipientUpdated)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketFeeUpdated represents a FeeUpdated event raised by the Market contract.
type MarketFeeUpdated struct {
	PreviousBps *big.Int
	NewBps      *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const MarketFeeUpdatedEventName = "FeeUpdated"

// ContractEventName returns the user-defined event name.
func (MarketFeeUpdated) ContractEventName() string {
	return MarketFeeUpdatedEventName
}

// UnpackFeeUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event FeeUpdated(uint256 previousBps, uint256 newBps)
func (market *Market) UnpackFeeUpdatedEvent(log *types.Log) (*MarketFeeUpdated, error) {
	event := "FeeUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketFeeUpdated)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketListingUpdated represents a ListingUpdated event raised by the Market contract.
type MarketListingUpdated struct {
	TrackId *big.Int
	Listed  bool
	Raw     *types.Log // Blockchain specific contextual infos
}

const MarketListingUpdatedEventName = "ListingUpdated"

// ContractEventName returns the user-defined event name.
func (MarketListingUpdated) ContractEventName() string {
	return MarketListingUpdatedEventName
}

// UnpackListingUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ListingUpdated(uint256 indexed trackId, bool listed)
func (market *Market) UnpackListingUpdatedEvent(log *types.Log) (*MarketListingUpdated, error) {
	event := "ListingUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketListingUpdated)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketMetadataURIUpdated represents a MetadataURIUpdated event raised by the Market contract.
type MarketMetadataURIUpdated struct {
	TrackId     *big.Int
	MetadataURI string
	Raw         *types.Log // Blockchain specific contextual infos
}

const MarketMetadataURIUpdatedEventName = "MetadataURIUpdated"

// ContractEventName returns the user-defined event name.
func (MarketMetadataURIUpdated) ContractEventName() string {
	return MarketMetadataURIUpdatedEventName
}

// UnpackMetadataURIUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MetadataURIUpdated(uint256 indexed trackId, string metadataURI)
func (market *Market) UnpackMetadataURIUpdatedEvent(log *types.Log) (*MarketMetadataURIUpdated, error) {
	event := "MetadataURIUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketMetadataURIUpdated)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketOwnershipTransferStarted represents a OwnershipTransferStarted event raised by the Market contract.
type MarketOwnershipTransferStarted struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const MarketOwnershipTransferStartedEventName = "OwnershipTransferStarted"

// ContractEventName returns the user-defined event name.
func (MarketOwnershipTransferStarted) ContractEventName() string {
	return MarketOwnershipTransferStartedEventName
}

// UnpackOwnershipTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner)
func (market *Market) UnpackOwnershipTransferStartedEvent(log *types.Log) (*MarketOwnershipTransferStarted, error) {
	event := "OwnershipTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketOwnershipTransferStarted)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketOwnershipTransferred represents a OwnershipTransferred event raised by the Market contract.
type MarketOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const MarketOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (MarketOwnershipTransferred) ContractEventName() string {
	return MarketOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (market *Market) UnpackOwnershipTransferredEvent(log *types.Log) (*MarketOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketPriceUpdated represents a PriceUpdated event raised by the Market contract.
type MarketPriceUpdated struct {
	TrackId       *big.Int
	PreviousPrice *big.Int
	NewPrice      *big.Int
	Raw           *types.Log // Blockchain specific contextual infos
}

const MarketPriceUpdatedEventName = "PriceUpdated"

// ContractEventName returns the user-defined event name.
func (MarketPriceUpdated) ContractEventName() string {
	return MarketPriceUpdatedEventName
}

// UnpackPriceUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PriceUpdated(uint256 indexed trackId, uint256 previousPrice, uint256 newPrice)
func (market *Market) UnpackPriceUpdatedEvent(log *types.Log) (*MarketPriceUpdated, error) {
	event := "PriceUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketPriceUpdated)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketPurchased represents a Purchased event raised by the Market contract.
type MarketPurchased struct {
	TrackId        *big.Int
	Buyer          common.Address
	Recipient      common.Address
	Referrer       common.Address
	Price          *big.Int
	ArtistAmount   *big.Int
	ReferrerAmount *big.Int
	FeeAmount      *big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const MarketPurchasedEventName = "Purchased"

// ContractEventName returns the user-defined event name.
func (MarketPurchased) ContractEventName() string {
	return MarketPurchasedEventName
}

// UnpackPurchasedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Purchased(uint256 indexed trackId, address buyer, address indexed recipient, address indexed referrer, uint256 price, uint256 artistAmount, uint256 referrerAmount, uint256 feeAmount)
func (market *Market) UnpackPurchasedEvent(log *types.Log) (*MarketPurchased, error) {
	event := "Purchased"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketPurchased)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketReferralShareUpdated represents a ReferralShareUpdated event raised by the Market contract.
type MarketReferralShareUpdated struct {
	TrackId     *big.Int
	PreviousBps *big.Int
	NewBps      *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const MarketReferralShareUpdatedEventName = "ReferralShareUpdated"

// ContractEventName returns the user-defined event name.
func (MarketReferralShareUpdated) ContractEventName() string {
	return MarketReferralShareUpdatedEventName
}

// UnpackReferralShareUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReferralShareUpdated(uint256 indexed trackId, uint256 previousBps, uint256 newBps)
func (market *Market) UnpackReferralShareUpdatedEvent(log *types.Log) (*MarketReferralShareUpdated, error) {
	event := "ReferralShareUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketReferralShareUpdated)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketTrackRegistered represents a TrackRegistered event raised by the Market contract.
type MarketTrackRegistered struct {
	TrackId     *big.Int
	Artist      common.Address
	Price       *big.Int
	ReferralBps *big.Int
	ContentHash [32]byte
	MetadataURI string
	Raw         *types.Log // Blockchain specific contextual infos
}

const MarketTrackRegisteredEventName = "TrackRegistered"

// ContractEventName returns the user-defined event name.
func (MarketTrackRegistered) ContractEventName() string {
	return MarketTrackRegisteredEventName
}

// UnpackTrackRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TrackRegistered(uint256 indexed trackId, address indexed artist, uint256 price, uint256 referralBps, bytes32 contentHash, string metadataURI)
func (market *Market) UnpackTrackRegisteredEvent(log *types.Log) (*MarketTrackRegistered, error) {
	event := "TrackRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketTrackRegistered)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// MarketWithdrawn represents a Withdrawn event raised by the Market contract.
type MarketWithdrawn struct {
	Account common.Address
	To      common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const MarketWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (MarketWithdrawn) ContractEventName() string {
	return MarketWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(address indexed account, address indexed to, uint256 amount)
func (market *Market) UnpackWithdrawnEvent(log *types.Log) (*MarketWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketWithdrawn)
	if len(log.Data) > 0 {
		if err := market.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range market.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (market *Market) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], market.abi.Errors["AlreadyOwned"].ID.Bytes()[:4]) {
		return market.UnpackAlreadyOwnedError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["CollaboratorSharesTooHigh"].ID.Bytes()[:4]) {
		return market.UnpackCollaboratorSharesTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["FeeTooHigh"].ID.Bytes()[:4]) {
		return market.UnpackFeeTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["IncorrectPayment"].ID.Bytes()[:4]) {
		return market.UnpackIncorrectPaymentError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["InvalidAddress"].ID.Bytes()[:4]) {
		return market.UnpackInvalidAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["InvalidCollaborator"].ID.Bytes()[:4]) {
		return market.UnpackInvalidCollaboratorError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["MissingContentHash"].ID.Bytes()[:4]) {
		return market.UnpackMissingContentHashError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["NotTrackArtist"].ID.Bytes()[:4]) {
		return market.UnpackNotTrackArtistError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["NothingToWithdraw"].ID.Bytes()[:4]) {
		return market.UnpackNothingToWithdrawError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return market.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return market.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["PackageAlreadyRegistered"].ID.Bytes()[:4]) {
		return market.UnpackPackageAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["PriceTooHigh"].ID.Bytes()[:4]) {
		return market.UnpackPriceTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return market.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["ReferralShareTooHigh"].ID.Bytes()[:4]) {
		return market.UnpackReferralShareTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["RenounceDisabled"].ID.Bytes()[:4]) {
		return market.UnpackRenounceDisabledError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["SelfPurchase"].ID.Bytes()[:4]) {
		return market.UnpackSelfPurchaseError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["TermsChanged"].ID.Bytes()[:4]) {
		return market.UnpackTermsChangedError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["TooManyCollaborators"].ID.Bytes()[:4]) {
		return market.UnpackTooManyCollaboratorsError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["TrackNotListed"].ID.Bytes()[:4]) {
		return market.UnpackTrackNotListedError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["TransferFailed"].ID.Bytes()[:4]) {
		return market.UnpackTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["UnknownTrack"].ID.Bytes()[:4]) {
		return market.UnpackUnknownTrackError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["ZeroCollaboratorShare"].ID.Bytes()[:4]) {
		return market.UnpackZeroCollaboratorShareError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// MarketAlreadyOwned represents a AlreadyOwned error raised by the Market contract.
type MarketAlreadyOwned struct {
	TrackId *big.Int
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyOwned(uint256 trackId, address account)
func MarketAlreadyOwnedErrorID() common.Hash {
	return common.HexToHash("0x6a46e4ae39cbf7a50a6582d0225cd55a6cc51daa55520b275c591c99b11610b0")
}

// UnpackAlreadyOwnedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyOwned(uint256 trackId, address account)
func (market *Market) UnpackAlreadyOwnedError(raw []byte) (*MarketAlreadyOwned, error) {
	out := new(MarketAlreadyOwned)
	if err := market.abi.UnpackIntoInterface(out, "AlreadyOwned", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketCollaboratorSharesTooHigh represents a CollaboratorSharesTooHigh error raised by the Market contract.
type MarketCollaboratorSharesTooHigh struct {
	TotalBps *big.Int
	MaxBps   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CollaboratorSharesTooHigh(uint256 totalBps, uint256 maxBps)
func MarketCollaboratorSharesTooHighErrorID() common.Hash {
	return common.HexToHash("0x662dbab3edf9566e8dc9e07be12e1c76637a1613442f18d00aeb09fc20865277")
}

// UnpackCollaboratorSharesTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CollaboratorSharesTooHigh(uint256 totalBps, uint256 maxBps)
func (market *Market) UnpackCollaboratorSharesTooHighError(raw []byte) (*MarketCollaboratorSharesTooHigh, error) {
	out := new(MarketCollaboratorSharesTooHigh)
	if err := market.abi.UnpackIntoInterface(out, "CollaboratorSharesTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketFeeTooHigh represents a FeeTooHigh error raised by the Market contract.
type MarketFeeTooHigh struct {
	Bps    *big.Int
	MaxBps *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FeeTooHigh(uint256 bps, uint256 maxBps)
func MarketFeeTooHighErrorID() common.Hash {
	return common.HexToHash("0xe757126a89ba5140023477c243d17c34ca7467d317e5523eafa819ff2931905a")
}

// UnpackFeeTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FeeTooHigh(uint256 bps, uint256 maxBps)
func (market *Market) UnpackFeeTooHighError(raw []byte) (*MarketFeeTooHigh, error) {
	out := new(MarketFeeTooHigh)
	if err := market.abi.UnpackIntoInterface(out, "FeeTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketIncorrectPayment represents a IncorrectPayment error raised by the Market contract.
type MarketIncorrectPayment struct {
	TrackId *big.Int
	Sent    *big.Int
	Price   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error IncorrectPayment(uint256 trackId, uint256 sent, uint256 price)
func MarketIncorrectPaymentErrorID() common.Hash {
	return common.HexToHash("0x869afceea76d283a68f336bdc51d459d51df0b945c7c2bdab698d93e7defcaf1")
}

// UnpackIncorrectPaymentError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error IncorrectPayment(uint256 trackId, uint256 sent, uint256 price)
func (market *Market) UnpackIncorrectPaymentError(raw []byte) (*MarketIncorrectPayment, error) {
	out := new(MarketIncorrectPayment)
	if err := market.abi.UnpackIntoInterface(out, "IncorrectPayment", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketInvalidAddress represents a InvalidAddress error raised by the Market contract.
type MarketInvalidAddress struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAddress(address account)
func MarketInvalidAddressErrorID() common.Hash {
	return common.HexToHash("0x8e4c8aa64faa2ab4276a2c6878068416c0eae6ead59e25aa3c28d438ef21fae3")
}

// UnpackInvalidAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAddress(address account)
func (market *Market) UnpackInvalidAddressError(raw []byte) (*MarketInvalidAddress, error) {
	out := new(MarketInvalidAddress)
	if err := market.abi.UnpackIntoInterface(out, "InvalidAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketInvalidCollaborator represents a InvalidCollaborator error raised by the Market contract.
type MarketInvalidCollaborator struct {
	Index   *big.Int
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidCollaborator(uint256 index, address account)
func MarketInvalidCollaboratorErrorID() common.Hash {
	return common.HexToHash("0x4426ac3b3a8374ff31b43752d44161fceb088c123d1a6eda449976967f1a45b6")
}

// UnpackInvalidCollaboratorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidCollaborator(uint256 index, address account)
func (market *Market) UnpackInvalidCollaboratorError(raw []byte) (*MarketInvalidCollaborator, error) {
	out := new(MarketInvalidCollaborator)
	if err := market.abi.UnpackIntoInterface(out, "InvalidCollaborator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketMissingContentHash represents a MissingContentHash error raised by the Market contract.
type MarketMissingContentHash struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MissingContentHash()
func MarketMissingContentHashErrorID() common.Hash {
	return common.HexToHash("0x8ce8bb7bdd5f8701a7ca67a753fad8c440c4701d00633b27711e58b88eaf6ec4")
}

// UnpackMissingContentHashError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MissingContentHash()
func (market *Market) UnpackMissingContentHashError(raw []byte) (*MarketMissingContentHash, error) {
	out := new(MarketMissingContentHash)
	if err := market.abi.UnpackIntoInterface(out, "MissingContentHash", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketNotTrackArtist represents a NotTrackArtist error raised by the Market contract.
type MarketNotTrackArtist struct {
	TrackId *big.Int
	Caller  common.Address
	Artist  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotTrackArtist(uint256 trackId, address caller, address artist)
func MarketNotTrackArtistErrorID() common.Hash {
	return common.HexToHash("0x83395ddfeef174960f018733471c5092c84eb3d9593a4499612464b2c5c1bbd8")
}

// UnpackNotTrackArtistError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotTrackArtist(uint256 trackId, address caller, address artist)
func (market *Market) UnpackNotTrackArtistError(raw []byte) (*MarketNotTrackArtist, error) {
	out := new(MarketNotTrackArtist)
	if err := market.abi.UnpackIntoInterface(out, "NotTrackArtist", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketNothingToWithdraw represents a NothingToWithdraw error raised by the Market contract.
type MarketNothingToWithdraw struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToWithdraw(address account)
func MarketNothingToWithdrawErrorID() common.Hash {
	return common.HexToHash("0xdc69dc16e4a8405b44139edda9a06ee66b303337358b6f4633533d65de15b7f4")
}

// UnpackNothingToWithdrawError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToWithdraw(address account)
func (market *Market) UnpackNothingToWithdrawError(raw []byte) (*MarketNothingToWithdraw, error) {
	out := new(MarketNothingToWithdraw)
	if err := market.abi.UnpackIntoInterface(out, "NothingToWithdraw", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the Market contract.
type MarketOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func MarketOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (market *Market) UnpackOwnableInvalidOwnerError(raw []byte) (*MarketOwnableInvalidOwner, error) {
	out := new(MarketOwnableInvalidOwner)
	if err := market.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the Market contract.
type MarketOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func MarketOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (market *Market) UnpackOwnableUnauthorizedAccountError(raw []byte) (*MarketOwnableUnauthorizedAccount, error) {
	out := new(MarketOwnableUnauthorizedAccount)
	if err := market.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketPackageAlreadyRegistered represents a PackageAlreadyRegistered error raised by the Market contract.
type MarketPackageAlreadyRegistered struct {
	Artist      common.Address
	ContentHash [32]byte
	TrackId     *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PackageAlreadyRegistered(address artist, bytes32 contentHash, uint256 trackId)
func MarketPackageAlreadyRegisteredErrorID() common.Hash {
	return common.HexToHash("0x036bd75e4b85c933a01626fa6b198d7d8fca292bbe0db1bf651fbd12115d910c")
}

// UnpackPackageAlreadyRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PackageAlreadyRegistered(address artist, bytes32 contentHash, uint256 trackId)
func (market *Market) UnpackPackageAlreadyRegisteredError(raw []byte) (*MarketPackageAlreadyRegistered, error) {
	out := new(MarketPackageAlreadyRegistered)
	if err := market.abi.UnpackIntoInterface(out, "PackageAlreadyRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketPriceTooHigh represents a PriceTooHigh error raised by the Market contract.
type MarketPriceTooHigh struct {
	Price    *big.Int
	MaxPrice *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PriceTooHigh(uint256 price, uint256 maxPrice)
func MarketPriceTooHighErrorID() common.Hash {
	return common.HexToHash("0x87ebe85d75ed17dc04c703d71bd5891a24af9557ff1131d3981863e44a03cc4b")
}

// UnpackPriceTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PriceTooHigh(uint256 price, uint256 maxPrice)
func (market *Market) UnpackPriceTooHighError(raw []byte) (*MarketPriceTooHigh, error) {
	out := new(MarketPriceTooHigh)
	if err := market.abi.UnpackIntoInterface(out, "PriceTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the Market contract.
type MarketReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func MarketReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (market *Market) UnpackReentrancyGuardReentrantCallError(raw []byte) (*MarketReentrancyGuardReentrantCall, error) {
	out := new(MarketReentrancyGuardReentrantCall)
	if err := market.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketReferralShareTooHigh represents a ReferralShareTooHigh error raised by the Market contract.
type MarketReferralShareTooHigh struct {
	Bps    *big.Int
	MaxBps *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReferralShareTooHigh(uint256 bps, uint256 maxBps)
func MarketReferralShareTooHighErrorID() common.Hash {
	return common.HexToHash("0xe954dc2774bc08ca1741a641aa5fcf3a6147bc0741907955ccc1c257f5d96a7b")
}

// UnpackReferralShareTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReferralShareTooHigh(uint256 bps, uint256 maxBps)
func (market *Market) UnpackReferralShareTooHighError(raw []byte) (*MarketReferralShareTooHigh, error) {
	out := new(MarketReferralShareTooHigh)
	if err := market.abi.UnpackIntoInterface(out, "ReferralShareTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketRenounceDisabled represents a RenounceDisabled error raised by the Market contract.
type MarketRenounceDisabled struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RenounceDisabled()
func MarketRenounceDisabledErrorID() common.Hash {
	return common.HexToHash("0x8905116560d0223388013a6344e0f340294b54bf7b203773dd2cb8f2e5a0d511")
}

// UnpackRenounceDisabledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RenounceDisabled()
func (market *Market) UnpackRenounceDisabledError(raw []byte) (*MarketRenounceDisabled, error) {
	out := new(MarketRenounceDisabled)
	if err := market.abi.UnpackIntoInterface(out, "RenounceDisabled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketSelfPurchase represents a SelfPurchase error raised by the Market contract.
type MarketSelfPurchase struct {
	TrackId *big.Int
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SelfPurchase(uint256 trackId, address account)
func MarketSelfPurchaseErrorID() common.Hash {
	return common.HexToHash("0x060cdcd2a13d2a309a363dc127951e147314817981f99071cf2f26967875619a")
}

// UnpackSelfPurchaseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SelfPurchase(uint256 trackId, address account)
func (market *Market) UnpackSelfPurchaseError(raw []byte) (*MarketSelfPurchase, error) {
	out := new(MarketSelfPurchase)
	if err := market.abi.UnpackIntoInterface(out, "SelfPurchase", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketTermsChanged represents a TermsChanged error raised by the Market contract.
type MarketTermsChanged struct {
	TrackId        *big.Int
	FeeBps         *big.Int
	ReferralBps    *big.Int
	MaxFeeBps      *big.Int
	MinReferralBps *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TermsChanged(uint256 trackId, uint256 feeBps, uint256 referralBps, uint256 maxFeeBps, uint256 minReferralBps)
func MarketTermsChangedErrorID() common.Hash {
	return common.HexToHash("0x460483e93b2f5b238e40a538ac1c8c444e3b54d24950a5b1587114ea774ece2a")
}

// UnpackTermsChangedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TermsChanged(uint256 trackId, uint256 feeBps, uint256 referralBps, uint256 maxFeeBps, uint256 minReferralBps)
func (market *Market) UnpackTermsChangedError(raw []byte) (*MarketTermsChanged, error) {
	out := new(MarketTermsChanged)
	if err := market.abi.UnpackIntoInterface(out, "TermsChanged", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketTooManyCollaborators represents a TooManyCollaborators error raised by the Market contract.
type MarketTooManyCollaborators struct {
	Count    *big.Int
	MaxCount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooManyCollaborators(uint256 count, uint256 maxCount)
func MarketTooManyCollaboratorsErrorID() common.Hash {
	return common.HexToHash("0xb08c5a31bc79030c04bf42b4fedf9ab3e2c5b75039d0880df0cd3caab4c5fe8f")
}

// UnpackTooManyCollaboratorsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooManyCollaborators(uint256 count, uint256 maxCount)
func (market *Market) UnpackTooManyCollaboratorsError(raw []byte) (*MarketTooManyCollaborators, error) {
	out := new(MarketTooManyCollaborators)
	if err := market.abi.UnpackIntoInterface(out, "TooManyCollaborators", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketTrackNotListed represents a TrackNotListed error raised by the Market contract.
type MarketTrackNotListed struct {
	TrackId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TrackNotListed(uint256 trackId)
func MarketTrackNotListedErrorID() common.Hash {
	return common.HexToHash("0x63a62b47ac7977311183eea5207043ec9c918e68ee9dd5d85e053171a456a947")
}

// UnpackTrackNotListedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TrackNotListed(uint256 trackId)
func (market *Market) UnpackTrackNotListedError(raw []byte) (*MarketTrackNotListed, error) {
	out := new(MarketTrackNotListed)
	if err := market.abi.UnpackIntoInterface(out, "TrackNotListed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketTransferFailed represents a TransferFailed error raised by the Market contract.
type MarketTransferFailed struct {
	To     common.Address
	Amount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferFailed(address to, uint256 amount)
func MarketTransferFailedErrorID() common.Hash {
	return common.HexToHash("0x1c43b9761b3fba5321ca8212bfc231945f668ccc0c446f333999eea9ce8fda81")
}

// UnpackTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferFailed(address to, uint256 amount)
func (market *Market) UnpackTransferFailedError(raw []byte) (*MarketTransferFailed, error) {
	out := new(MarketTransferFailed)
	if err := market.abi.UnpackIntoInterface(out, "TransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketUnknownTrack represents a UnknownTrack error raised by the Market contract.
type MarketUnknownTrack struct {
	TrackId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownTrack(uint256 trackId)
func MarketUnknownTrackErrorID() common.Hash {
	return common.HexToHash("0xbdbf1fe51501b682589816025241881fcbfb50096de3e9161b533498a9247193")
}

// UnpackUnknownTrackError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownTrack(uint256 trackId)
func (market *Market) UnpackUnknownTrackError(raw []byte) (*MarketUnknownTrack, error) {
	out := new(MarketUnknownTrack)
	if err := market.abi.UnpackIntoInterface(out, "UnknownTrack", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketZeroCollaboratorShare represents a ZeroCollaboratorShare error raised by the Market contract.
type MarketZeroCollaboratorShare struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroCollaboratorShare(uint256 index)
func MarketZeroCollaboratorShareErrorID() common.Hash {
	return common.HexToHash("0xfe0aeae1e1637d56c335aa019cb90250ab76ee879b882c0db4d16489215a9182")
}

// UnpackZeroCollaboratorShareError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroCollaboratorShare(uint256 index)
func (market *Market) UnpackZeroCollaboratorShareError(raw []byte) (*MarketZeroCollaboratorShare, error) {
	out := new(MarketZeroCollaboratorShare)
	if err := market.abi.UnpackIntoInterface(out, "ZeroCollaboratorShare", raw); err != nil {
		return nil, err
	}
	return out, nil
}
