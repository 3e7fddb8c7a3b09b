package swarm

// CheckClaim exposes checkClaim to the tests.
var CheckClaim = checkClaim
