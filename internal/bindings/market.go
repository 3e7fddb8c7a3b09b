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

// BittunesMarketReleaseInfo is an auto generated low-level Go binding around an user-defined struct.
type BittunesMarketReleaseInfo struct {
	Artist   common.Address
	Price    *big.Int
	Listed   bool
	TrackIds []*big.Int
}

// BittunesMarketReleaseQuote is an auto generated low-level Go binding around an user-defined struct.
type BittunesMarketReleaseQuote struct {
	Amount         *big.Int
	EffectivePrice *big.Int
	SumOfPrices    *big.Int
	FeeBps         uint16
	MinReferralBps uint16
	TracksBought   *big.Int
	Tracks         []BittunesMarketReleaseTrackQuote
}

// BittunesMarketReleaseTrackQuote is an auto generated low-level Go binding around an user-defined struct.
type BittunesMarketReleaseTrackQuote struct {
	TrackId          *big.Int
	TrackPrice       *big.Int
	Amount           *big.Int
	Skipped          bool
	CreditedReferrer common.Address
	ReferralBps      uint16
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
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"initialOwner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"feeRecipient_\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"feeBps_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"AlreadyOwned\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"totalBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxBps\",\"type\":\"uint256\"}],\"name\":\"CollaboratorSharesTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"name\":\"DuplicateReleaseTrack\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxBps\",\"type\":\"uint256\"}],\"name\":\"FeeTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"IncorrectPayment\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"IncorrectReleasePayment\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"InvalidAddress\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"InvalidCollaborator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxCount\",\"type\":\"uint256\"}],\"name\":\"InvalidReleaseTrackCount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"MissingContentHash\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"}],\"name\":\"NotReleaseArtist\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"}],\"name\":\"NotTrackArtist\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"name\":\"PackageAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxPrice\",\"type\":\"uint256\"}],\"name\":\"PriceTooHigh\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxBps\",\"type\":\"uint256\"}],\"name\":\"ReferralShareTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"ReleaseAlreadyOwned\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"}],\"name\":\"ReleaseNotListed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"RenounceDisabled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"SelfPurchase\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feeBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referralBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxFeeBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minReferralBps\",\"type\":\"uint256\"}],\"name\":\"TermsChanged\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxCount\",\"type\":\"uint256\"}],\"name\":\"TooManyCollaborators\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"name\":\"TrackNotListed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"}],\"name\":\"UnknownRelease\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"name\":\"UnknownTrack\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"ZeroCollaboratorShare\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"}],\"name\":\"CollaboratorAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"CollaboratorCredited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousRecipient\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newRecipient\",\"type\":\"address\"}],\"name\":\"FeeRecipientUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"previousBps\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newBps\",\"type\":\"uint256\"}],\"name\":\"FeeUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"listed\",\"type\":\"bool\"}],\"name\":\"ListingUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"MetadataURIUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"previousPrice\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newPrice\",\"type\":\"uint256\"}],\"name\":\"PriceUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"artistAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"referrerAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"feeAmount\",\"type\":\"uint256\"}],\"name\":\"Purchased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"previousBps\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newBps\",\"type\":\"uint256\"}],\"name\":\"ReferralShareUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"listed\",\"type\":\"bool\"}],\"name\":\"ReleaseListingUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"previousPrice\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newPrice\",\"type\":\"uint256\"}],\"name\":\"ReleasePriceUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"tracksBought\",\"type\":\"uint256\"}],\"name\":\"ReleasePurchased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"trackIds\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"ReleaseRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"referralBps\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"TrackRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"acceptOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"feeConfig\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"accrued\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"limits\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"maxFeeBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxReferralBps\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxCollaborators\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxPrice\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxReleaseTracks\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"owns\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingOwner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"maxFeeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"minReferralBps\",\"type\":\"uint16\"}],\"name\":\"purchase\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"maxFeeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"minReferralBps\",\"type\":\"uint16\"}],\"name\":\"purchaseFor\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"maxFeeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"minReferralBps\",\"type\":\"uint16\"}],\"name\":\"purchaseRelease\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"maxFeeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"minReferralBps\",\"type\":\"uint16\"}],\"name\":\"purchaseReleaseFor\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"quote\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"referralBps\",\"type\":\"uint16\"},{\"internalType\":\"address\",\"name\":\"creditedReferrer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"artistAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referrerAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feeAmount\",\"type\":\"uint256\"}],\"internalType\":\"structBittunesMarket.Quote\",\"name\":\"q\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"referrer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"quoteRelease\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"effectivePrice\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"sumOfPrices\",\"type\":\"uint256\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"minReferralBps\",\"type\":\"uint16\"},{\"internalType\":\"uint256\",\"name\":\"tracksBought\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"trackPrice\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"skipped\",\"type\":\"bool\"},{\"internalType\":\"address\",\"name\":\"creditedReferrer\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"referralBps\",\"type\":\"uint16\"},{\"internalType\":\"uint256\",\"name\":\"artistAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referrerAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feeAmount\",\"type\":\"uint256\"}],\"internalType\":\"structBittunesMarket.ReleaseTrackQuote[]\",\"name\":\"tracks\",\"type\":\"tuple[]\"}],\"internalType\":\"structBittunesMarket.ReleaseQuote\",\"name\":\"q\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referralBps\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"bps\",\"type\":\"uint16\"}],\"internalType\":\"structBittunesMarket.Collaborator[]\",\"name\":\"collaborators\",\"type\":\"tuple[]\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"trackIds\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"registerRelease\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"}],\"name\":\"release\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"listed\",\"type\":\"bool\"},{\"internalType\":\"uint256[]\",\"name\":\"trackIds\",\"type\":\"uint256[]\"}],\"internalType\":\"structBittunesMarket.ReleaseInfo\",\"name\":\"info\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"releaseCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"bps\",\"type\":\"uint256\"}],\"name\":\"setFeeBps\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"setFeeRecipient\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"listed\",\"type\":\"bool\"}],\"name\":\"setListed\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"setMetadataURI\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"setPrice\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referralBps\",\"type\":\"uint256\"}],\"name\":\"setReferralBps\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"listed\",\"type\":\"bool\"}],\"name\":\"setReleaseListed\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"releaseId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"setReleasePrice\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"name\":\"track\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"referralBps\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"listed\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"bps\",\"type\":\"uint16\"}],\"internalType\":\"structBittunesMarket.Collaborator[]\",\"name\":\"collaborators\",\"type\":\"tuple[]\"}],\"internalType\":\"structBittunesMarket.TrackInfo\",\"name\":\"info\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"artist\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"}],\"name\":\"trackByPackage\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"trackId\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"trackCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"withdrawTo\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Market",
	Bin: "0x6080604052346101e857604051601f613f0c38819003918201601f19168301916001600160401b0383118484101761018d578084926060946040528339810103126101e85761004d816101ec565b90604061005c602083016101ec565b910151916001600160a01b031680156101d557600180546001600160a01b03199081169091555f8054918216831781556001600160a01b03909116907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a36001600160a01b031690811580156101cc575b6101b9576103e881116101a1576040519160608301916001600160401b0383118484101761018d57604092835281845261ffff811660208501525f9383018490526001600160a01b03821660a082901b61ffff60a01b161760025582517f528d9479e9f9889a87a3c30c7f7ba537e5e59c4c85a37733b16e57c62df61302949092907faaebcf1bfa00580e41d966056b48521fa9f202645c86d4ddf28113e617c1b1d38180a35f82526020820152a1604051613d0b90816102018239f35b634e487b7160e01b5f52604160045260245ffd5b6373ab893560e11b5f526004526103e860245260445ffd5b50634726455360e11b5f5260045260245ffd5b503082146100cf565b631e4fbdf760e01b5f525f60045260245ffd5b5f80fd5b51906001600160a01b03821682036101e85756fe6101206040526004361015610012575f80fd5b5f3560e01c8063044333d21461288d578063087dce94146127f457806319383b36146121545780631e5eb1d0146120b25780632903ecc21461209157806337bdc99b14611d7e578063391f107814611cd75780633ccfd60b14611c965780633e28cbf114611c275780635fe0d49014611b9d5780636ff221351461163757806370a082311461159d578063715018a61461153f57806372b0d90c146114c257806372c27b62146113cf57806379ba5097146112c957806385390102146112a0578063860aefcf146112415780638c368ec914610b735780638da5cb5b14610b23578063a797a66514610afa578063ab35678c14610abf578063afbdf62114610a9c578063b8d08db214610a61578063d1b8cdb814610977578063e30c397814610926578063e74b981b14610800578063f09449ba1461070c578063f2fde38b1461064f578063f3cb5e9f146104be578063f73f9e151461023e5763f7d975771461017a575f80fd5b3461023a5760407f15819dd2fd9f6418b142e798d08a18d0bf06ea368f4480b7b0d3f75bd966bc486101ab366128c9565b6101b6829492612e54565b906101c081612e09565b61022d68ffffffffffffffffff835460a01c169268ffffffffffffffffff83167fffffff000000000000000000ffffffffffffffffffffffffffffffffffffffff7cffffffffffffffffff000000000000000000000000000000000000000083549260a01b169116179055565b82519182526020820152a2005b5f80fd5b3461023a5760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a57600435606060a060405161028081612bdc565b5f81525f60208201525f60408201525f838201525f60808201520152805f52600460205260405f20604051906102b582612b88565b5473ffffffffffffffffffffffffffffffffffffffff811692838352602083019268ffffffffffffffffff8360a01c168452604081019461ffff8460e81c168652606082019360f81c845215610492578491600161ffff68ffffffffffffffffff73ffffffffffffffffffffffffffffffffffffffff88955116945116945116945116151590805f52600860205260405f2054905f52600a60205260405f20916040519361036285612bdc565b845260208401948552604084019586526060840190815260808401918252825461038b81612cfc565b936103996040519586612bf8565b81855260208501905f5260205f205f915b838310610467575050505060a084019283526040519586956020875273ffffffffffffffffffffffffffffffffffffffff60e08801965116602088015251604087015251606086015251151560808501525160a0840152519060c0808401528151809152602061010084019201905f5b818110610428575050500390f35b8251805173ffffffffffffffffffffffffffffffffffffffff16855260209081015161ffff16818601528695506040909401939092019160010161041a565b60016020819261047d859d98999a9b9c9d612d58565b815201920192019190989796959493986103aa565b507fbdbf1fe5000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b3461023a576104cc36612a4d565b604051926104d984612bc0565b5f8452602084015f815260408501905f825260608601965f885260808701935f855260a08801955f875260c08901975f8952835f52600460205260405f20936040519461052586612b88565b549473ffffffffffffffffffffffffffffffffffffffff8616808252602082019168ffffffffffffffffff8860a01c1683526060604082019861ffff8160e81c168a5260f81c91015215610492579473ffffffffffffffffffffffffffffffffffffffff97946105cf61ffff979560e09f99958f956106059668ffffffffffffffffff8c9a511690528860025460a01c168852888651168a525f52600b6020528360405f20613381565b610645575b508b5190848451169089895116155f1461063b5750845f5b1691612710809492820204938493820204928391030390565b89528952895260405199518a525116602089015251166040870152511660608501525160808401525160a08301525160c0820152f35b85809151166105ec565b881687528d6105d4565b3461023a5760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a5773ffffffffffffffffffffffffffffffffffffffff61069b61292b565b6106a36132d1565b16807fffffffffffffffffffffffff0000000000000000000000000000000000000000600154161760015573ffffffffffffffffffffffffffffffffffffffff5f54167f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e227005f80a3005b3461023a5760207fc2556aa492ceac782330a612ec5e2ffaa68a43c8e8583ab2fb4d923f5c10c1e561073d36612ae0565b6107a861074b839593612e54565b82156107b3576001815460f81c177effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7fff0000000000000000000000000000000000000000000000000000000000000083549260f81b169116179055565b6040519015158152a2005b80547effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff81167ffe00000000000000000000000000000000000000000000000000000000000000909116179055565b3461023a5760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a5761083761292b565b61083f6132d1565b610848816132f1565b73ffffffffffffffffffffffffffffffffffffffff610865612cbb565b69ffffffffffffffffffff60408201511680610904575b5060208101515f60408481519661089288612ba4565b1680875261ffff8416602088015295015273ffffffffffffffffffffffffffffffffffffffff841660a09190911b75ffff0000000000000000000000000000000000000000161760025551167faaebcf1bfa00580e41d966056b48521fa9f202645c86d4ddf28113e617c1b1d35f80a3005b828251165f52600c60205261091e60405f20918254612d4b565b90558361087c565b3461023a575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a57602073ffffffffffffffffffffffffffffffffffffffff60015416604051908152f35b3461023a5760207f53e8c586d41e6171fcc8c8040c457db145741e2f0dc737c70df6258cb65b763f6109a836612ae0565b6107a86109b6839593612d9f565b8215610a1557600160ff825460e81c16177fffff00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7dff000000000000000000000000000000000000000000000000000000000083549260e81b169116179055565b80547fffff00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffff81167dfe0000000000000000000000000000000000000000000000000000000000909116179055565b3461023a575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a576020600554604051908152f35b610abd61ffff80610aac3661294e565b94919293909416931691339061340b565b005b3461023a575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a576020600354604051908152f35b610abd61ffff80610b0a366129bd565b610b1a85949693959792976132f1565b1694169261340b565b3461023a575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a57602073ffffffffffffffffffffffffffffffffffffffff5f5416604051908152f35b3461023a57610b8136612a4d565b9092604051608052610b94608051612bc0565b5f60805152602060805101925f8452604060805101945f8652606060805101905f82526080805101925f845260a060805101945f865260c0608051019660608852815f52600660205260405f209160405192610bef84612ba4565b549273ffffffffffffffffffffffffffffffffffffffff841690818152604060ff602083019668ffffffffffffffffff8160a01c16885260e81c1691015215611216575f52600760205260405f2092604051808560208297549384815201905f5260205f20925f905b8060038301106111c157610c8e9454918181106111a6575b818110611188575b81811061116a575b1061115c575b500385612bf8565b83519261ffff60025460a01c168752610ca684612cfc565b610cb36040519182612bf8565b8481527fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0610ce086612cfc565b015f5b8181106110cd5750508a525f5b848110611088575068ffffffffffffffffff9051168b518082105f1461108157505b808b529161ffff958c8b8d5f925b888410610e4057918d61ffff8e818f8f8083168303610e325750969594939291905f5b16815281604051978897602089526101008901976080515160208b01525160408a015251606089015251166080870152511660a08501525160c0840152519060e0808401528151809152602061012084019201905f5b818110610da7575050500390f35b91935091602061012060019261010087518051835284810151858401526040810151604084015260608101511515606084015273ffffffffffffffffffffffffffffffffffffffff608082015116608084015261ffff60a08201511660a084015260c081015160c084015260e081015160e08401520151610100820152019401910191849392610d99565b979695949392919097610d43565b878a9392610f059267ffffffffffffffff610e5b8888612d14565b51165f52600460205268ffffffffffffffffff60405f209267ffffffffffffffff610edf8a610ed88160405198610e918a612b88565b549b8c9973ffffffffffffffffffffffffffffffffffffffff8b16815288602082019b60a01c168b526060604082019e8f61ffff8260e81c16905260f81c91015251612d14565b519a612d14565b51168285511661ffff89511660a08b015260208a01528852519251169051918c8861334b565b908782810311611054578b868f89889167ffffffffffffffff8f9d8a89610f2d92039f612d14565b51165f52600b60205260405f209073ffffffffffffffffffffffffffffffffffffffff85165f528160205260405f205461103e5790610f91949392918860408b0152610f7c8960805151612d4b565b60805152610f8a8151612b5b565b9052613381565b610fff575b60019493926101009261ffff610fdc9351169073ffffffffffffffffffffffffffffffffffffffff608087015116155f14610ff3575061271090820204915f9183900390565b60c085015260e08401529101525b018b8d8f610d20565b61ffff809151166105ec565b5073ffffffffffffffffffffffffffffffffffffffff871660808401528b61ffff82511661ffff8d168110611035575b50610f96565b9b50600161102f565b5050505050505050906001606081930152610fea565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b9050610d12565b8067ffffffffffffffff61109e60019389612d14565b51165f5260046020528d6110c568ffffffffffffffffff60405f205460a01c168251612d4b565b905201610cf0565b6040519061012082019180831067ffffffffffffffff84111761112f576020926040525f81525f838201525f60408201525f60608201525f60808201525f60a08201525f60c08201525f60e08201525f61010082015282828601015201610ce3565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b60c01c81526020018e610c86565b92602060019167ffffffffffffffff8560801c168152019301610c80565b92602060019167ffffffffffffffff8560401c168152019301610c78565b92602060019167ffffffffffffffff85168152019301610c70565b9160049193506080600191865467ffffffffffffffff8116825267ffffffffffffffff8160401c16602083015267ffffffffffffffff81841c16604083015260c01c6060820152019401920187929391610c58565b7f9d9bd594000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b3461023a575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a5760a06040516103e8815261138860208201526007604082015268ffffffffffffffffff606082015260326080820152f35b610abd61ffff806112b0366129bd565b6112c085949693959792976132f1565b16941692612f26565b3461023a575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a576001543373ffffffffffffffffffffffffffffffffffffffff8216036113a3577fffffffffffffffffffffffff0000000000000000000000000000000000000000166001555f54337fffffffffffffffffffffffff00000000000000000000000000000000000000008216175f5573ffffffffffffffffffffffffffffffffffffffff3391167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e05f80a3005b7f118cdaa7000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b3461023a5760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a576004356114096132d1565b6103e881116114915760407f528d9479e9f9889a87a3c30c7f7ba537e5e59c4c85a37733b16e57c62df61302916002549075ffff00000000000000000000000000000000000000008160a01b167fffffffffffffffffffff0000ffffffffffffffffffffffffffffffffffffffff83161760025561ffff83519260a01c1682526020820152a1005b7fe757126a000000000000000000000000000000000000000000000000000000005f526004526103e860245260445ffd5b3461023a5760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a5760206115146114fe61292b565b61150661309c565b61150f816132f1565b613110565b5f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d604051908152f35b3461023a575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a576115756132d1565b7f89051165000000000000000000000000000000000000000000000000000000005f5260045ffd5b3461023a5760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a57602073ffffffffffffffffffffffffffffffffffffffff6115eb61292b565b16805f52600c825260405f2054906002549073ffffffffffffffffffffffffffffffffffffffff821614611623575b50604051908152f35b906116319160b01c90612d4b565b8261161a565b3461023a5760607ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a5760043567ffffffffffffffff811161023a573660238201121561023a57806004013567ffffffffffffffff811161023a57602482018160051b92602484369201011161023a576024359060443567ffffffffffffffff811161023a576116d09036906004016128fd565b926116da81612e09565b84158015611b93575b611b62576116f085612cfc565b946116fe6040519687612bf8565b80865261170a81612cfc565b957fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe06020820197013688375f5b828110611ad9575061174a600554612b5b565b968760055561186f60405161175e81612ba4565b33815260ff8a61182068ffffffffffffffffff60208501818b1681526040860193600185525f52600660205273ffffffffffffffffffffffffffffffffffffffff8060405f20975116167fffffffffffffffffffffffff0000000000000000000000000000000000000000875416178655511684907fffffff000000000000000000ffffffffffffffffffffffffffffffffffffffff7cffffffffffffffffff000000000000000000000000000000000000000083549260a01b169116179055565b5182547fffff00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffff16911660e81b7dff000000000000000000000000000000000000000000000000000000000016179055565b875f52600760205260405f2091519067ffffffffffffffff821161112f5768010000000000000000821161112f578254828455808310611a3f575b50915f5260205f208160021c915f5b8381106119f957507ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc811690038061197f575b505050507f07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff90604051928352606060208401528060608401521161023a57806119747fbaf0a8f2c94d82ee362809f48559f1ed64f3aec7b38972adb6a7e30d6066c5f19388602099899760808601378301966080848903016040850152608033980191612b1d565b0390a3604051908152f35b925f935f5b8181106119b95750505001557f07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8880806118ec565b90919460206119ef60019267ffffffffffffffff895116908560031b67ffffffffffffffff809160031b9316831b921b19161790565b9601929101611984565b5f5f5b60048110611a115750838201556001016118b9565b865190969160019160209167ffffffffffffffff60068b901b81811b199092169216901b17920196016119fc565b6003830160021c845f5260038160205f200192601886831b1680611a82575b500160021c03905f5b828110611a755750506118aa565b5f82820155600101611a67565b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8501907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff825491602003851b1c1690558e611a5e565b611ae4818488612d28565b35611aee81612e54565b505f5b828110611b1857509067ffffffffffffffff60019216611b118285612d14565b5201611737565b81611b2482878b612d28565b3514611b3257600101611af1565b50907f10156efc000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b847fc96fc560000000000000000000000000000000000000000000000000000000005f52600452603260245260445ffd5b50603285116116e3565b3461023a5760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a5760243573ffffffffffffffffffffffffffffffffffffffff8116810361023a576004355f52600b60205273ffffffffffffffffffffffffffffffffffffffff60405f2091165f52602052602060405f20541515604051908152f35b3461023a5760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a5773ffffffffffffffffffffffffffffffffffffffff611c7361292b565b165f52600960205260405f206024355f52602052602060405f2054604051908152f35b3461023a575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a57611ccc61309c565b602061151433613110565b3461023a5760407f52cc5e5e7013c0e1e9d198919fd170de03673a3be5e488315d9dd94ba90117ef611d08366128c9565b611d13829492612e54565b90611d1d81612ee9565b61022d61ffff835460e81c169261ffff83167fff0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7effff000000000000000000000000000000000000000000000000000000000083549260e81b169116179055565b3461023a5760207ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a57600435606080604051611dbf81612b88565b5f81525f60208201525f60408201520152805f52600660205260405f2060405190611de982612ba4565b549173ffffffffffffffffffffffffffffffffffffffff831690818352602083019168ffffffffffffffffff8560a01c16835260ff604085019560e81c16855215611216575f52600760205260405f2092604051808560208297549384815201905f5260205f20925f905b80600383011061203c57611e89945491818110612021575b818110612003575b818110611fe5575b10611fd757500385612bf8565b8351917fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0611ecf611eb985612cfc565b94611ec76040519687612bf8565b808652612cfc565b013660208501375f5b8551811015611f0a578067ffffffffffffffff611ef760019389612d14565b5116611f038287612d14565b5201611ed8565b50908291600168ffffffffffffffffff73ffffffffffffffffffffffffffffffffffffffff87511692511692511615159260405191611f4883612b88565b82526020820192835260408201938452606082019081526040519384936020855273ffffffffffffffffffffffffffffffffffffffff60a086019451166020860152516040850152511515606084015251906080808401528151809152602060c084019201905f5b818110611fbe575050500390f35b8251845285945060209384019390920191600101611fb0565b60c01c815260200187610c86565b92602060019167ffffffffffffffff8560801c168152019301611e7c565b92602060019167ffffffffffffffff8560401c168152019301611e74565b92602060019167ffffffffffffffff85168152019301611e6c565b9160049193506080600191865467ffffffffffffffff8116825267ffffffffffffffff8160401c16602083015267ffffffffffffffff81841c16604083015260c01c6060820152019401920187929391611e54565b610abd61ffff806120a13661294e565b949192939094169316913390612f26565b3461023a575f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a576120e8612cbb565b73ffffffffffffffffffffffffffffffffffffffff81511661215069ffffffffffffffffffff604061ffff602086015116940151166040519384938460409194939273ffffffffffffffffffffffffffffffffffffffff606083019616825260208201520152565b0390f35b3461023a5760a07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a5760043560443560243560643567ffffffffffffffff811161023a576121ac9036906004016128fd565b906084359267ffffffffffffffff841161023a573660238501121561023a5783600401359567ffffffffffffffff871161023a576024850194602436918960061b01011161023a576121fd81612e09565b61220682612ee9565b85156127cc57335f52600960205260405f2092865f528360205260405f205480612799575060078811612768575f5f5b898110612607575061271081116125d657509061244c7fbf38672a28377a2908a4392366e51a40e6322d0592bb168327f6f395ea196a4f939261227a600354612b5b565b98899687600355815f526020528660405f20556001878c6125cd575b60ff612419926123c961ffff8a61237968ffffffffffffffffff8c604051986122be8a612b88565b338a528260208b01921682528560408b01951685528860608b01981688525f52600460205273ffffffffffffffffffffffffffffffffffffffff8060405f209a5116167fffffffffffffffffffffffff00000000000000000000000000000000000000008a5416178955511687907fffffff000000000000000000ffffffffffffffffffffffffffffffffffffffff7cffffffffffffffffff000000000000000000000000000000000000000083549260a01b169116179055565b5185547fff0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffff16911660e81b7effff000000000000000000000000000000000000000000000000000000000016178455565b5182547effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff16911660f81b7fff0000000000000000000000000000000000000000000000000000000000000016179055565b865f5260086020528060405f20556040519485948552602085015260408401526080606084015233966080840191612b1d565b0390a3815f52600a60205260405f20905f5b84811061247057602084604051908152f35b61247b818684612c39565b9083546801000000000000000081101561112f5780600161249f9201865585612c76565b9290926125a157857f9c2d62e5bd2e2648a7f2c28761459d062c5a60cd9ea93b0a68f2d9ea857803ce602073ffffffffffffffffffffffffffffffffffffffff61258d82612587886125808f99828b8f60019f61253289868d61250461257b99612c8b565b167fffffffffffffffffffffffff000000000000000000000000000000000000000085541617845501612cac565b7fffffffffffffffffffff0000ffffffffffffffffffffffffffffffffffffffff75ffff000000000000000000000000000000000000000083549260a01b169116179055612c39565b612c8b565b988c612c39565b01612cac565b9461ffff604051961686521693a30161245e565b7f4e487b71000000000000000000000000000000000000000000000000000000005f525f60045260245ffd5b60039150612296565b7f662dbab3000000000000000000000000000000000000000000000000000000005f5260045261271060245260445ffd5b9073ffffffffffffffffffffffffffffffffffffffff61262b61257b848d8c612c39565b168015801561275f575b8015612756575b612727578a83915f5b8b8482106126be57602092506125879150936126649361ffff95612c39565b16156126925761268b60019161ffff61268460206125878f88908f612c39565b1690612d4b565b9101612236565b507ffe0aeae1000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b82945061257b8273ffffffffffffffffffffffffffffffffffffffff93956126e593612c39565b16146126f75760010183918c91612645565b50827f4426ac3b000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b827f4426ac3b000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b5033811461263c565b50308114612635565b877fb08c5a31000000000000000000000000000000000000000000000000000000005f52600452600760245260445ffd5b877f036bd75e000000000000000000000000000000000000000000000000000000005f523360045260245260445260645ffd5b7f8ce8bb7b000000000000000000000000000000000000000000000000000000005f5260045ffd5b3461023a5760407ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc36011261023a5760043560243567ffffffffffffffff811161023a576128677fbf65482a576bba07ddf407b0dd39c63d560c7765323c11cc051d4a9413881a619136906004016128fd565b61287084612e54565b50612888604051928392602084526020840191612b1d565b0390a2005b3461023a5760407fd6b56d82f4fd84569f12c819fcd3adac9b69854b98e9c729c75c3958110b19656128be366128c9565b6101b6829492612d9f565b7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc604091011261023a576004359060243590565b9181601f8401121561023a5782359167ffffffffffffffff831161023a576020838186019501011161023a57565b6004359073ffffffffffffffffffffffffffffffffffffffff8216820361023a57565b7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc608091011261023a576004359060243573ffffffffffffffffffffffffffffffffffffffff8116810361023a579060443561ffff8116810361023a579060643561ffff8116810361023a5790565b7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc60a091011261023a5760043573ffffffffffffffffffffffffffffffffffffffff8116810361023a57906024359060443573ffffffffffffffffffffffffffffffffffffffff8116810361023a579060643561ffff8116810361023a579060843561ffff8116810361023a5790565b7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc608091011261023a576004359060243573ffffffffffffffffffffffffffffffffffffffff8116810361023a579060443573ffffffffffffffffffffffffffffffffffffffff8116810361023a579060643573ffffffffffffffffffffffffffffffffffffffff8116810361023a5790565b7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc604091011261023a5760043590602435801515810361023a5790565b601f82602094937fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe093818652868601375f8582860101520116010190565b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff81146110545760010190565b6080810190811067ffffffffffffffff82111761112f57604052565b6060810190811067ffffffffffffffff82111761112f57604052565b60e0810190811067ffffffffffffffff82111761112f57604052565b60c0810190811067ffffffffffffffff82111761112f57604052565b90601f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0910116810190811067ffffffffffffffff82111761112f57604052565b9190811015612c495760061b0190565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b8054821015612c49575f5260205f2001905f90565b3573ffffffffffffffffffffffffffffffffffffffff8116810361023a5790565b3561ffff8116810361023a5790565b60405190612cc882612ba4565b81604060025473ffffffffffffffffffffffffffffffffffffffff8116835261ffff8160a01c16602084015260b01c910152565b67ffffffffffffffff811161112f5760051b60200190565b8051821015612c495760209160051b010190565b9190811015612c495760051b0190565b8181029291811591840414171561105457565b9190820180921161105457565b906040516040810181811067ffffffffffffffff82111761112f57604052915473ffffffffffffffffffffffffffffffffffffffff8116835260a01c61ffff166020830152565b90815f52600660205260405f209173ffffffffffffffffffffffffffffffffffffffff83541690811561121657338203612dd7575050565b7f9e63b408000000000000000000000000000000000000000000000000000000005f526004523360245260445260645ffd5b68ffffffffffffffffff8111612e1c5750565b7f87ebe85d000000000000000000000000000000000000000000000000000000005f5260045268ffffffffffffffffff60245260445ffd5b90815f52600460205260405f209173ffffffffffffffffffffffffffffffffffffffff835416908115612ebe57338203612e8c575050565b7f83395ddf000000000000000000000000000000000000000000000000000000005f526004523360245260445260645ffd5b7fbdbf1fe5000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b6113888111612ef55750565b7fe954dc27000000000000000000000000000000000000000000000000000000005f5260045261138860245260445ffd5b9493929190855f52600460205260405f20549573ffffffffffffffffffffffffffffffffffffffff871668ffffffffffffffffff8860a01c16918860f81c90600182161561306b578334036130375773ffffffffffffffffffffffffffffffffffffffff851693848414801561302e575b612ffe57815f52600b60205260405f2093855f528460205260405f20958654612fcf575061ffff612fcd9b9c60e81c1692613971565b565b837f6a46e4ae000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b83827f060cdcd2000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b50338414612f97565b83907f869afcee000000000000000000000000000000000000000000000000000000005f526004523460245260445260645ffd5b8215612ebe577f63a62b47000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c6130e85760017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d565b7f3ee5aeb5000000000000000000000000000000000000000000000000000000005f5260045ffd5b90335f52600c60205260405f205491826132be575b61312d612cbb565b73ffffffffffffffffffffffffffffffffffffffff8151163314806132a5575b613264575b508215613238575f8080808673ffffffffffffffffffffffffffffffffffffffff861695866040518381527fd1c19fbcd4551a5edfb66d43d2e337c04837afda3482b42bdf569a8fccdae5fb60203392a35af13d15613233573d67ffffffffffffffff811161112f57604051906131f160207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f8401160183612bf8565b81525f60203d92013e5b156132035750565b90507f1c43b976000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b6131fb565b7fdc69dc16000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b9269ffffffffffffffffffff6040613280939501511690612d4b565b9175ffffffffffffffffffffffffffffffffffffffffffff600254166002555f613152565b5069ffffffffffffffffffff604082015116151561314d565b335f52600c6020525f6040812055613125565b73ffffffffffffffffffffffffffffffffffffffff5f541633036113a357565b73ffffffffffffffffffffffffffffffffffffffff1680158015613342575b6133175750565b7f8e4c8aa6000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b50308114613310565b9491939460018101809111611054571461337a575082156133735761336f91612d38565b0490565b5050505f90565b9250505090565b91929073ffffffffffffffffffffffffffffffffffffffff169081151593846133ea575b50836133c9575b50826133b757505090565b9091505f5260205260405f2054151590565b73ffffffffffffffffffffffffffffffffffffffff1681141592505f6133ac565b73ffffffffffffffffffffffffffffffffffffffff1682141593505f6133a5565b94939460c0526101005260a05260c0515f52600660205260405f20549268ffffffffffffffffff8460a01c169360018160e81c16156138fa5760c0515f52600760205260405f2091604051808460208296549384815201905f5260205f20925f905b8060038301106138a5576134a694549181811061388a575b81811061386c575b81811061384e575b10613840575b509796970384612bf8565b8251935f955f5b8681106137fb5750868110156137f1579493925b5f60e081905296879690815b8789106136045750505050505050505060e051156135b9578034036135845760405173ffffffffffffffffffffffffffffffffffffffff60a05116917f25dbc985af6628cd5dc916829998427aec0293c92156a0513b670fe10cb6474073ffffffffffffffffffffffffffffffffffffffff6101005116928061357f60c0519460e05190338460409194939273ffffffffffffffffffffffffffffffffffffffff606083019616825260208201520152565b0390a4565b7f42ec8f95000000000000000000000000000000000000000000000000000000005f5260c0516004523460245260445260645ffd5b7f857a06fd000000000000000000000000000000000000000000000000000000005f5260c05160045273ffffffffffffffffffffffffffffffffffffffff610100511660245260445ffd5b889988613649838567ffffffffffffffff6136228d9e9f809e612d14565b51169b8c5f5260046020528860405f20549568ffffffffffffffffff8760a01c169261334b565b8093039873ffffffffffffffffffffffffffffffffffffffff610100511673ffffffffffffffffffffffffffffffffffffffff88161473ffffffffffffffffffffffffffffffffffffffff610100511673ffffffffffffffffffffffffffffffffffffffff8916036137d2575b61378c57805f52600b60205260405f2073ffffffffffffffffffffffffffffffffffffffff61010051165f528060205260405f2090815461377e5760018460f81c161561375257600195949361373e938c938c9360a051938d8a610100519573ffffffffffffffffffffffffffffffffffffffff61ffff8560f81c9560e81c16931690613971565b01998160e0510160e0525b019796956134cd565b827f63a62b47000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b505050509960019150613749565b8673ffffffffffffffffffffffffffffffffffffffff917f060cdcd2000000000000000000000000000000000000000000000000000000005f526004521660245260445ffd5b503373ffffffffffffffffffffffffffffffffffffffff8816146136b6565b50859493926134c1565b979661383860019167ffffffffffffffff6138168c8a612d14565b51165f52600460205268ffffffffffffffffff60405f205460a01c1690612d4b565b9798016134ad565b60c01c81526020015f61349b565b92602060019167ffffffffffffffff8560801c168152019301613495565b92602060019167ffffffffffffffff8560401c16815201930161348d565b92602060019167ffffffffffffffff85168152019301613485565b9160049193506080600191865467ffffffffffffffff8116825267ffffffffffffffff8160401c16602083015267ffffffffffffffff81841c16604083015260c01c606082015201940192018692939161346d565b73ffffffffffffffffffffffffffffffffffffffff1615613943577ff5ae18c4000000000000000000000000000000000000000000000000000000005f5260c05160045260245ffd5b7f9d9bd594000000000000000000000000000000000000000000000000000000005f5260c05160045260245ffd5b959a99989a9794909792919273ffffffffffffffffffffffffffffffffffffffff8616918215159283613cca575b83613cb0575b5050600190556002549861ffff8a60a01c169b808d118015613c9f575b613c565750509985969798999a15613c4b575b6127109083028190049183020481830381900396909197879a898015159773ffffffffffffffffffffffffffffffffffffffff7fc395d24b295d2c2a10d85d92679a03c3120876fbb1a541c4536451442dece9b39460a094829460029c613be6575b505087613bcd575b169b8c9660405198338a5260208a01528c60408a0152606089015260808801521694a416613a9d575b50505081613a74575050565b73ffffffffffffffffffffffffffffffffffffffff165f52600c60205260405f20908154019055565b90919293508192815f52600a60205260405f20918254925f5b848110613acc57505050505050905f8080613a68565b613adf613ad98284612c76565b50612d58565b9673ffffffffffffffffffffffffffffffffffffffff8851168581148015613bc4575b613b955750612710613b1c61ffff60208b01511689612d38565b04908115613b8a5790847ffc7abe6d078394d1a9e3e9ef663445d0b37f14cfc7b0527cb6a1a40484414e23602073ffffffffffffffffffffffffffffffffffffffff8460019796039c818151165f52600c835260405f20868154019055511693604051908152a35b01613ab6565b975050600190613b84565b847f060cdcd2000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b50338114613b02565b8183165f52600c60205260405f20888154019055613a3f565b60b082901c810169ffffffffffffffffffff8111613c0d575060b01b018b555b5f8e613a37565b91849150165f52600c602052613c2860405f20918254612d4b565b905575ffffffffffffffffffffffffffffffffffffffffffff8b54168b55613c06565b5f94508491506139d5565b87925060a4938d604051947f460483e900000000000000000000000000000000000000000000000000000000865260048601526024850152604484015260648301526084820152fd5b508280156139c257508184106139c2565b909192505f52602052600160405f2054151591905f6139a5565b33811415935061399f56fea26469706673582212200344dbb2862bb92aac38421247d4d8090d198d21a4367e13d6edcb2c145de13c64736f6c63430008250033",
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
// Solidity: function limits() pure returns(uint256 maxFeeBps, uint256 maxReferralBps, uint256 maxCollaborators, uint256 maxPrice, uint256 maxReleaseTracks)
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
// Solidity: function limits() pure returns(uint256 maxFeeBps, uint256 maxReferralBps, uint256 maxCollaborators, uint256 maxPrice, uint256 maxReleaseTracks)
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
	MaxReleaseTracks *big.Int
}

// UnpackLimits is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x860aefcf.
//
// Solidity: function limits() pure returns(uint256 maxFeeBps, uint256 maxReferralBps, uint256 maxCollaborators, uint256 maxPrice, uint256 maxReleaseTracks)
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
	outstruct.MaxReleaseTracks = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
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

// PackPurchaseRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xafbdf621.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function purchaseRelease(uint256 releaseId, address referrer, uint16 maxFeeBps, uint16 minReferralBps) payable returns()
func (market *Market) PackPurchaseRelease(releaseId *big.Int, referrer common.Address, maxFeeBps uint16, minReferralBps uint16) []byte {
	enc, err := market.abi.Pack("purchaseRelease", releaseId, referrer, maxFeeBps, minReferralBps)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPurchaseRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xafbdf621.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function purchaseRelease(uint256 releaseId, address referrer, uint16 maxFeeBps, uint16 minReferralBps) payable returns()
func (market *Market) TryPackPurchaseRelease(releaseId *big.Int, referrer common.Address, maxFeeBps uint16, minReferralBps uint16) ([]byte, error) {
	return market.abi.Pack("purchaseRelease", releaseId, referrer, maxFeeBps, minReferralBps)
}

// PackPurchaseReleaseFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa797a665.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function purchaseReleaseFor(address recipient, uint256 releaseId, address referrer, uint16 maxFeeBps, uint16 minReferralBps) payable returns()
func (market *Market) PackPurchaseReleaseFor(recipient common.Address, releaseId *big.Int, referrer common.Address, maxFeeBps uint16, minReferralBps uint16) []byte {
	enc, err := market.abi.Pack("purchaseReleaseFor", recipient, releaseId, referrer, maxFeeBps, minReferralBps)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPurchaseReleaseFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa797a665.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function purchaseReleaseFor(address recipient, uint256 releaseId, address referrer, uint16 maxFeeBps, uint16 minReferralBps) payable returns()
func (market *Market) TryPackPurchaseReleaseFor(recipient common.Address, releaseId *big.Int, referrer common.Address, maxFeeBps uint16, minReferralBps uint16) ([]byte, error) {
	return market.abi.Pack("purchaseReleaseFor", recipient, releaseId, referrer, maxFeeBps, minReferralBps)
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

// PackQuoteRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c368ec9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function quoteRelease(uint256 releaseId, address referrer, address buyer, address recipient) view returns((uint256,uint256,uint256,uint16,uint16,uint256,(uint256,uint256,uint256,bool,address,uint16,uint256,uint256,uint256)[]) q)
func (market *Market) PackQuoteRelease(releaseId *big.Int, referrer common.Address, buyer common.Address, recipient common.Address) []byte {
	enc, err := market.abi.Pack("quoteRelease", releaseId, referrer, buyer, recipient)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQuoteRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c368ec9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function quoteRelease(uint256 releaseId, address referrer, address buyer, address recipient) view returns((uint256,uint256,uint256,uint16,uint16,uint256,(uint256,uint256,uint256,bool,address,uint16,uint256,uint256,uint256)[]) q)
func (market *Market) TryPackQuoteRelease(releaseId *big.Int, referrer common.Address, buyer common.Address, recipient common.Address) ([]byte, error) {
	return market.abi.Pack("quoteRelease", releaseId, referrer, buyer, recipient)
}

// UnpackQuoteRelease is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8c368ec9.
//
// Solidity: function quoteRelease(uint256 releaseId, address referrer, address buyer, address recipient) view returns((uint256,uint256,uint256,uint16,uint16,uint256,(uint256,uint256,uint256,bool,address,uint16,uint256,uint256,uint256)[]) q)
func (market *Market) UnpackQuoteRelease(data []byte) (BittunesMarketReleaseQuote, error) {
	out, err := market.abi.Unpack("quoteRelease", data)
	if err != nil {
		return *new(BittunesMarketReleaseQuote), err
	}
	out0 := *abi.ConvertType(out[0], new(BittunesMarketReleaseQuote)).(*BittunesMarketReleaseQuote)
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

// PackRegisterRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6ff22135.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerRelease(uint256[] trackIds, uint256 price, string metadataURI) returns(uint256 releaseId)
func (market *Market) PackRegisterRelease(trackIds []*big.Int, price *big.Int, metadataURI string) []byte {
	enc, err := market.abi.Pack("registerRelease", trackIds, price, metadataURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6ff22135.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerRelease(uint256[] trackIds, uint256 price, string metadataURI) returns(uint256 releaseId)
func (market *Market) TryPackRegisterRelease(trackIds []*big.Int, price *big.Int, metadataURI string) ([]byte, error) {
	return market.abi.Pack("registerRelease", trackIds, price, metadataURI)
}

// UnpackRegisterRelease is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6ff22135.
//
// Solidity: function registerRelease(uint256[] trackIds, uint256 price, string metadataURI) returns(uint256 releaseId)
func (market *Market) UnpackRegisterRelease(data []byte) (*big.Int, error) {
	out, err := market.abi.Unpack("registerRelease", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37bdc99b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function release(uint256 releaseId) view returns((address,uint256,bool,uint256[]) info)
func (market *Market) PackRelease(releaseId *big.Int) []byte {
	enc, err := market.abi.Pack("release", releaseId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37bdc99b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function release(uint256 releaseId) view returns((address,uint256,bool,uint256[]) info)
func (market *Market) TryPackRelease(releaseId *big.Int) ([]byte, error) {
	return market.abi.Pack("release", releaseId)
}

// UnpackRelease is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x37bdc99b.
//
// Solidity: function release(uint256 releaseId) view returns((address,uint256,bool,uint256[]) info)
func (market *Market) UnpackRelease(data []byte) (BittunesMarketReleaseInfo, error) {
	out, err := market.abi.Unpack("release", data)
	if err != nil {
		return *new(BittunesMarketReleaseInfo), err
	}
	out0 := *abi.ConvertType(out[0], new(BittunesMarketReleaseInfo)).(*BittunesMarketReleaseInfo)
	return out0, nil
}

// PackReleaseCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb8d08db2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function releaseCount() view returns(uint256)
func (market *Market) PackReleaseCount() []byte {
	enc, err := market.abi.Pack("releaseCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReleaseCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb8d08db2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function releaseCount() view returns(uint256)
func (market *Market) TryPackReleaseCount() ([]byte, error) {
	return market.abi.Pack("releaseCount")
}

// UnpackReleaseCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb8d08db2.
//
// Solidity: function releaseCount() view returns(uint256)
func (market *Market) UnpackReleaseCount(data []byte) (*big.Int, error) {
	out, err := market.abi.Unpack("releaseCount", data)
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

// PackSetReleaseListed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd1b8cdb8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setReleaseListed(uint256 releaseId, bool listed) returns()
func (market *Market) PackSetReleaseListed(releaseId *big.Int, listed bool) []byte {
	enc, err := market.abi.Pack("setReleaseListed", releaseId, listed)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetReleaseListed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd1b8cdb8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setReleaseListed(uint256 releaseId, bool listed) returns()
func (market *Market) TryPackSetReleaseListed(releaseId *big.Int, listed bool) ([]byte, error) {
	return market.abi.Pack("setReleaseListed", releaseId, listed)
}

// PackSetReleasePrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x044333d2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setReleasePrice(uint256 releaseId, uint256 price) returns()
func (market *Market) PackSetReleasePrice(releaseId *big.Int, price *big.Int) []byte {
	enc, err := market.abi.Pack("setReleasePrice", releaseId, price)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetReleasePrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x044333d2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setReleasePrice(uint256 releaseId, uint256 price) returns()
func (market *Market) TryPackSetReleasePrice(releaseId *big.Int, price *big.Int) ([]byte, error) {
	return market.abi.Pack("setReleasePrice", releaseId, price)
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

// MarketReleaseListingUpdated represents a ReleaseListingUpdated event raised by the Market contract.
type MarketReleaseListingUpdated struct {
	ReleaseId *big.Int
	Listed    bool
	Raw       *types.Log // Blockchain specific contextual infos
}

const MarketReleaseListingUpdatedEventName = "ReleaseListingUpdated"

// ContractEventName returns the user-defined event name.
func (MarketReleaseListingUpdated) ContractEventName() string {
	return MarketReleaseListingUpdatedEventName
}

// UnpackReleaseListingUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReleaseListingUpdated(uint256 indexed releaseId, bool listed)
func (market *Market) UnpackReleaseListingUpdatedEvent(log *types.Log) (*MarketReleaseListingUpdated, error) {
	event := "ReleaseListingUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketReleaseListingUpdated)
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

// MarketReleasePriceUpdated represents a ReleasePriceUpdated event raised by the Market contract.
type MarketReleasePriceUpdated struct {
	ReleaseId     *big.Int
	PreviousPrice *big.Int
	NewPrice      *big.Int
	Raw           *types.Log // Blockchain specific contextual infos
}

const MarketReleasePriceUpdatedEventName = "ReleasePriceUpdated"

// ContractEventName returns the user-defined event name.
func (MarketReleasePriceUpdated) ContractEventName() string {
	return MarketReleasePriceUpdatedEventName
}

// UnpackReleasePriceUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReleasePriceUpdated(uint256 indexed releaseId, uint256 previousPrice, uint256 newPrice)
func (market *Market) UnpackReleasePriceUpdatedEvent(log *types.Log) (*MarketReleasePriceUpdated, error) {
	event := "ReleasePriceUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketReleasePriceUpdated)
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

// MarketReleasePurchased represents a ReleasePurchased event raised by the Market contract.
type MarketReleasePurchased struct {
	ReleaseId    *big.Int
	Buyer        common.Address
	Recipient    common.Address
	Referrer     common.Address
	Amount       *big.Int
	TracksBought *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const MarketReleasePurchasedEventName = "ReleasePurchased"

// ContractEventName returns the user-defined event name.
func (MarketReleasePurchased) ContractEventName() string {
	return MarketReleasePurchasedEventName
}

// UnpackReleasePurchasedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReleasePurchased(uint256 indexed releaseId, address buyer, address indexed recipient, address indexed referrer, uint256 amount, uint256 tracksBought)
func (market *Market) UnpackReleasePurchasedEvent(log *types.Log) (*MarketReleasePurchased, error) {
	event := "ReleasePurchased"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketReleasePurchased)
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

// MarketReleaseRegistered represents a ReleaseRegistered event raised by the Market contract.
type MarketReleaseRegistered struct {
	ReleaseId   *big.Int
	Artist      common.Address
	Price       *big.Int
	TrackIds    []*big.Int
	MetadataURI string
	Raw         *types.Log // Blockchain specific contextual infos
}

const MarketReleaseRegisteredEventName = "ReleaseRegistered"

// ContractEventName returns the user-defined event name.
func (MarketReleaseRegistered) ContractEventName() string {
	return MarketReleaseRegisteredEventName
}

// UnpackReleaseRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReleaseRegistered(uint256 indexed releaseId, address indexed artist, uint256 price, uint256[] trackIds, string metadataURI)
func (market *Market) UnpackReleaseRegisteredEvent(log *types.Log) (*MarketReleaseRegistered, error) {
	event := "ReleaseRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != market.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MarketReleaseRegistered)
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
	if bytes.Equal(raw[:4], market.abi.Errors["DuplicateReleaseTrack"].ID.Bytes()[:4]) {
		return market.UnpackDuplicateReleaseTrackError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["FeeTooHigh"].ID.Bytes()[:4]) {
		return market.UnpackFeeTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["IncorrectPayment"].ID.Bytes()[:4]) {
		return market.UnpackIncorrectPaymentError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["IncorrectReleasePayment"].ID.Bytes()[:4]) {
		return market.UnpackIncorrectReleasePaymentError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["InvalidAddress"].ID.Bytes()[:4]) {
		return market.UnpackInvalidAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["InvalidCollaborator"].ID.Bytes()[:4]) {
		return market.UnpackInvalidCollaboratorError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["InvalidReleaseTrackCount"].ID.Bytes()[:4]) {
		return market.UnpackInvalidReleaseTrackCountError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["MissingContentHash"].ID.Bytes()[:4]) {
		return market.UnpackMissingContentHashError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["NotReleaseArtist"].ID.Bytes()[:4]) {
		return market.UnpackNotReleaseArtistError(raw[4:])
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
	if bytes.Equal(raw[:4], market.abi.Errors["ReleaseAlreadyOwned"].ID.Bytes()[:4]) {
		return market.UnpackReleaseAlreadyOwnedError(raw[4:])
	}
	if bytes.Equal(raw[:4], market.abi.Errors["ReleaseNotListed"].ID.Bytes()[:4]) {
		return market.UnpackReleaseNotListedError(raw[4:])
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
	if bytes.Equal(raw[:4], market.abi.Errors["UnknownRelease"].ID.Bytes()[:4]) {
		return market.UnpackUnknownReleaseError(raw[4:])
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

// MarketDuplicateReleaseTrack represents a DuplicateReleaseTrack error raised by the Market contract.
type MarketDuplicateReleaseTrack struct {
	Index   *big.Int
	TrackId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DuplicateReleaseTrack(uint256 index, uint256 trackId)
func MarketDuplicateReleaseTrackErrorID() common.Hash {
	return common.HexToHash("0x10156efc327e83a41bdd0b375368ce18ae04a55ae2e5b9c81bd8ab633f1f8986")
}

// UnpackDuplicateReleaseTrackError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DuplicateReleaseTrack(uint256 index, uint256 trackId)
func (market *Market) UnpackDuplicateReleaseTrackError(raw []byte) (*MarketDuplicateReleaseTrack, error) {
	out := new(MarketDuplicateReleaseTrack)
	if err := market.abi.UnpackIntoInterface(out, "DuplicateReleaseTrack", raw); err != nil {
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

// MarketIncorrectReleasePayment represents a IncorrectReleasePayment error raised by the Market contract.
type MarketIncorrectReleasePayment struct {
	ReleaseId *big.Int
	Sent      *big.Int
	Amount    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error IncorrectReleasePayment(uint256 releaseId, uint256 sent, uint256 amount)
func MarketIncorrectReleasePaymentErrorID() common.Hash {
	return common.HexToHash("0x42ec8f9577cb7c1381a348443d94ba86547ffe0c0d3c4461fedf2ef7302d9acf")
}

// UnpackIncorrectReleasePaymentError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error IncorrectReleasePayment(uint256 releaseId, uint256 sent, uint256 amount)
func (market *Market) UnpackIncorrectReleasePaymentError(raw []byte) (*MarketIncorrectReleasePayment, error) {
	out := new(MarketIncorrectReleasePayment)
	if err := market.abi.UnpackIntoInterface(out, "IncorrectReleasePayment", raw); err != nil {
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

// MarketInvalidReleaseTrackCount represents a InvalidReleaseTrackCount error raised by the Market contract.
type MarketInvalidReleaseTrackCount struct {
	Count    *big.Int
	MaxCount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidReleaseTrackCount(uint256 count, uint256 maxCount)
func MarketInvalidReleaseTrackCountErrorID() common.Hash {
	return common.HexToHash("0xc96fc5604a7e32d192f621247f115cf77cb496d9054e8d2848021cb81e9241a2")
}

// UnpackInvalidReleaseTrackCountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidReleaseTrackCount(uint256 count, uint256 maxCount)
func (market *Market) UnpackInvalidReleaseTrackCountError(raw []byte) (*MarketInvalidReleaseTrackCount, error) {
	out := new(MarketInvalidReleaseTrackCount)
	if err := market.abi.UnpackIntoInterface(out, "InvalidReleaseTrackCount", raw); err != nil {
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

// MarketNotReleaseArtist represents a NotReleaseArtist error raised by the Market contract.
type MarketNotReleaseArtist struct {
	ReleaseId *big.Int
	Caller    common.Address
	Artist    common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotReleaseArtist(uint256 releaseId, address caller, address artist)
func MarketNotReleaseArtistErrorID() common.Hash {
	return common.HexToHash("0x9e63b408cef5942cf9b27ba84ebf8f330bca21c7d0ed0947ced955be2f7800c6")
}

// UnpackNotReleaseArtistError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotReleaseArtist(uint256 releaseId, address caller, address artist)
func (market *Market) UnpackNotReleaseArtistError(raw []byte) (*MarketNotReleaseArtist, error) {
	out := new(MarketNotReleaseArtist)
	if err := market.abi.UnpackIntoInterface(out, "NotReleaseArtist", raw); err != nil {
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

// MarketReleaseAlreadyOwned represents a ReleaseAlreadyOwned error raised by the Market contract.
type MarketReleaseAlreadyOwned struct {
	ReleaseId *big.Int
	Account   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReleaseAlreadyOwned(uint256 releaseId, address account)
func MarketReleaseAlreadyOwnedErrorID() common.Hash {
	return common.HexToHash("0x857a06fd56de072b2b6271b6742f047e77c632d5d52cd8ff90de6208acbb1fd0")
}

// UnpackReleaseAlreadyOwnedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReleaseAlreadyOwned(uint256 releaseId, address account)
func (market *Market) UnpackReleaseAlreadyOwnedError(raw []byte) (*MarketReleaseAlreadyOwned, error) {
	out := new(MarketReleaseAlreadyOwned)
	if err := market.abi.UnpackIntoInterface(out, "ReleaseAlreadyOwned", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MarketReleaseNotListed represents a ReleaseNotListed error raised by the Market contract.
type MarketReleaseNotListed struct {
	ReleaseId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReleaseNotListed(uint256 releaseId)
func MarketReleaseNotListedErrorID() common.Hash {
	return common.HexToHash("0xf5ae18c408daad79ecedda400e9e3364f73145a5cab7290d34356419a0b77d76")
}

// UnpackReleaseNotListedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReleaseNotListed(uint256 releaseId)
func (market *Market) UnpackReleaseNotListedError(raw []byte) (*MarketReleaseNotListed, error) {
	out := new(MarketReleaseNotListed)
	if err := market.abi.UnpackIntoInterface(out, "ReleaseNotListed", raw); err != nil {
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

// MarketUnknownRelease represents a UnknownRelease error raised by the Market contract.
type MarketUnknownRelease struct {
	ReleaseId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownRelease(uint256 releaseId)
func MarketUnknownReleaseErrorID() common.Hash {
	return common.HexToHash("0x9d9bd5948372547b25f872bca6151260537ac95354c481d60faf15d49248b944")
}

// UnpackUnknownReleaseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownRelease(uint256 releaseId)
func (market *Market) UnpackUnknownReleaseError(raw []byte) (*MarketUnknownRelease, error) {
	out := new(MarketUnknownRelease)
	if err := market.abi.UnpackIntoInterface(out, "UnknownRelease", raw); err != nil {
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
