package api

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
)

// accountKey is where the session middleware puts the signed-in account of a request.
const accountKey = "bittunes.account"

// setSignedIn records that the request comes from account (the session middleware calls it).
func setSignedIn(c *gin.Context, account common.Address) { c.Set(accountKey, account) }

// signedIn returns the account the request is signed in as, if any.
func signedIn(c *gin.Context) (common.Address, bool) {
	v, ok := c.Get(accountKey)
	if !ok {
		return common.Address{}, false
	}
	a, ok := v.(common.Address)
	return a, ok
}

// requireSignIn answers 401 to requests without a signed-in account.
func requireSignIn(c *gin.Context) {
	if _, ok := signedIn(c); !ok {
		abort(c, unauthenticated("sign in with your wallet first"))
		return
	}
	c.Next()
}
