package api

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
)

// accountKey is where the session middleware puts the signed-in account of a request.
const accountKey = "bittunes.account"

// setSignedIn records that the request comes from account (the session middleware calls it).
func setSignedIn(c *gin.Context, account common.Address) { c.Set(accountKey, account) }

// sessionErrKey is where the session middleware puts why a request's session could not be checked.
const sessionErrKey = "bittunes.sessionErr"

// setSessionUnknown records that the request's session could not be checked (the database is down):
// the request is neither signed in nor signed out.
func setSessionUnknown(c *gin.Context, err error) { c.Set(sessionErrKey, err) }

// sessionErr is why the request's session could not be checked, or nil.
func sessionErr(c *gin.Context) error {
	err, _ := c.Value(sessionErrKey).(error)
	return err
}

// signedIn returns the account the request is signed in as, if any.
func signedIn(c *gin.Context) (common.Address, bool) {
	v, ok := c.Get(accountKey)
	if !ok {
		return common.Address{}, false
	}
	a, ok := v.(common.Address)
	return a, ok
}

// requireSignIn answers 401 to requests without a signed-in account, and the failure (a 503
// during a database outage) to those whose session could not be checked.
func requireSignIn(c *gin.Context) {
	if err := sessionErr(c); err != nil {
		abort(c, err)
		return
	}
	if _, ok := signedIn(c); !ok {
		abort(c, unauthenticated("sign in with your wallet first"))
		return
	}
	c.Next()
}
