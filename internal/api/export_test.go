package api

// ErrorStatuses are the error codes and their HTTP statuses, for the OpenAPI test.
func ErrorStatuses() map[string]int {
	m := map[string]int{}
	for c, status := range statusOf {
		m[string(c)] = status
	}
	return m
}

// DecodeAvatar is decodeAvatar, for its fuzz test.
var DecodeAvatar = decodeAvatar
