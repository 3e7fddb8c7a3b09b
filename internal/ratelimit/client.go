package ratelimit

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Proxies are the load balancers whose X-Forwarded-For (or X-Real-IP) names the client, as
// --trusted-proxies lists them.
type Proxies []netip.Prefix

// ParseProxies reads addresses and CIDRs ("10.0.0.0/8", "192.0.2.1"); ones that parse as neither
// are skipped (the API's router reports them).
func ParseProxies(list []string) Proxies {
	var p Proxies
	for _, s := range list {
		if pre, err := netip.ParsePrefix(s); err == nil {
			p = append(p, pre.Masked())
		} else if a, err := netip.ParseAddr(s); err == nil {
			p = append(p, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
		}
	}
	return p
}

func (p Proxies) trusted(a netip.Addr) bool {
	a = a.Unmap()
	for _, pre := range p {
		if pre.Contains(a) {
			return true
		}
	}
	return false
}

// ClientIP is the address of r's client, as the API's router (gin) finds it: the TCP peer, or,
// when the peer is a trusted proxy, the right-most address of X-Forwarded-For (then X-Real-IP)
// that is not a trusted proxy itself.
func (p Proxies) ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(strings.TrimSpace(r.RemoteAddr))
	if err != nil {
		host = strings.TrimSpace(r.RemoteAddr)
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	if !p.trusted(peer) {
		return peer.Unmap().String()
	}
	for _, header := range []string{"X-Forwarded-For", "X-Real-Ip"} {
		if ip, ok := p.fromHeader(r.Header.Get(header)); ok {
			return ip
		}
	}
	return peer.Unmap().String()
}

func (p Proxies) fromHeader(h string) (string, bool) {
	if h == "" {
		return "", false
	}
	items := strings.Split(h, ",")
	for i := len(items) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(items[i]))
		if err != nil {
			return "", false
		}
		if i == 0 || !p.trusted(a) {
			return a.Unmap().String(), true
		}
	}
	return "", false
}
