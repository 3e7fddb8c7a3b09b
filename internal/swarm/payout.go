package swarm

import (
	"crypto/ecdsa"
	"fmt"
	"sync"

	"github.com/anacrolix/torrent"
	"github.com/anacrolix/torrent/bencode"
	"github.com/anacrolix/torrent/metainfo"
	pp "github.com/anacrolix/torrent/peer_protocol"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// PayoutExtension is the BEP 10 extension by which a peer names the account it wants paid for what
// it delivers. A peer that has a payout account lists it in its extension handshake ("m") and, once
// it has read the other side's handshake listing it too, sends one message: a bencoded dictionary
// {"account": 20 bytes, "sig": 65 bytes}, sig being the account's secp256k1 signature over
// PayoutDigest(its own peer id, info hash). A claim binds the account to the sending peer of one
// torrent: a copied claim, a bad signature or another account's signature is ignored.
const PayoutExtension pp.ExtensionName = "bittunes_payout"

// Payout is the account a fan's client names to its peers, with the key that signs for it.
type Payout struct {
	Account common.Address
	Key     *ecdsa.PrivateKey
}

// PayoutDigest is what a payout claim signs: keccak256("bittunes payout" ‖ peer id ‖ info hash).
func PayoutDigest(peerID [20]byte, infoHash [20]byte) []byte {
	return crypto.Keccak256([]byte("bittunes payout"), peerID[:], infoHash[:])
}

type payoutClaim struct {
	Account []byte `bencode:"account"`
	Sig     []byte `bencode:"sig"`
}

// payouts sends this client's claim to peers that speak the extension, checks theirs, and counts
// the useful bytes each claimed account delivered, per torrent. A peer's claim can arrive after its
// first blocks (the claim goes out once the extension handshakes are read, while blocks are sent as
// soon as they are asked for): what a connected peer delivered before its claim is credited to the
// account the claim names when it arrives.
type payouts struct {
	own    *Payout
	sign   func(digest []byte) ([]byte, error) // tests forge claims through it
	selfID [20]byte                            // this client's peer id, set before any torrent is added

	mu        sync.Mutex
	claims    map[*torrent.Peer]common.Address
	unclaimed map[*torrent.Peer]int64 // useful bytes from connected peers with no claim yet (in other)
	delivered map[metainfo.Hash]map[common.Address]int64
	other     map[metainfo.Hash]int64 // from peers without a valid claim, and web seeds
	served    map[metainfo.Hash]map[[20]byte]struct{}
}

// maxServedPeers bounds the peer ids remembered per torrent for PeersServed: beyond it the count
// stays there, so a flood of peer ids costs no more memory.
const maxServedPeers = 10_000

func newPayouts(own *Payout) *payouts {
	p := &payouts{own: own, claims: map[*torrent.Peer]common.Address{}, unclaimed: map[*torrent.Peer]int64{}, delivered: map[metainfo.Hash]map[common.Address]int64{},
		other: map[metainfo.Hash]int64{}, served: map[metainfo.Hash]map[[20]byte]struct{}{}}
	if own != nil && own.Key != nil {
		p.sign = func(d []byte) ([]byte, error) { return crypto.Sign(d, own.Key) }
	}
	return p
}

// install hooks the payouts into a client's configuration.
func (p *payouts) install(cfg *torrent.ClientConfig) {
	cb := &cfg.Callbacks
	cb.PeerConnAdded = append(cb.PeerConnAdded, func(pc *torrent.PeerConn) {
		pc.LocalLtepProtocolMap.AddUserProtocol(PayoutExtension)
	})
	cb.ReadExtendedHandshake = func(pc *torrent.PeerConn, msg *pp.ExtendedHandshakeMessage) {
		if p.sign == nil || msg.M[PayoutExtension] == 0 {
			return
		}
		self, ih := p.selfID, pc.Torrent().InfoHash()
		sig, err := p.sign(PayoutDigest(self, ih))
		if err != nil {
			return
		}
		b, _ := bencode.Marshal(payoutClaim{Account: p.own.Account.Bytes(), Sig: sig})
		// The client's lock is held during the callback: write once it is released.
		go pc.WriteExtendedMessage(PayoutExtension, b)
	}
	cb.PeerConnReadExtensionMessage = append(cb.PeerConnReadExtensionMessage, func(ev torrent.PeerConnReadExtensionMessageEvent) {
		if ev.ExtensionNumber == 0 {
			return
		}
		name, builtin, err := ev.PeerConn.LocalLtepProtocolMap.LookupId(ev.ExtensionNumber)
		if err != nil || builtin || name != PayoutExtension {
			return
		}
		ih := ev.PeerConn.Torrent().InfoHash()
		if account, err := checkClaim(ev.Payload, ev.PeerConn.PeerID, ih); err == nil {
			p.claimed(&ev.PeerConn.Peer, ih, account)
		}
	})
	cb.ReceivedUsefulData = append(cb.ReceivedUsefulData, func(ev torrent.ReceivedUsefulDataEvent) {
		p.received(ev.Peer, ev.Peer.Torrent().InfoHash(), int64(len(ev.Message.Piece)))
	})
	// A peer that asks for a block is one this client serves (it sends only to peers that ask).
	cb.ReadMessage = func(pc *torrent.PeerConn, msg *pp.Message) {
		if msg.Type != pp.Request {
			return
		}
		ih := pc.Torrent().InfoHash()
		p.mu.Lock()
		defer p.mu.Unlock()
		set := p.served[ih]
		if set == nil {
			set = map[[20]byte]struct{}{}
			p.served[ih] = set
		}
		if len(set) < maxServedPeers {
			set[pc.PeerID] = struct{}{}
		}
	}
	cb.PeerClosed = append(cb.PeerClosed, p.closed)
}

// received counts n useful bytes of torrent ih from peer: for its account if it has named one,
// otherwise as other bytes, remembered as the peer's until it names an account or goes.
func (p *payouts) received(peer *torrent.Peer, ih metainfo.Hash, n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	account, ok := p.claims[peer]
	if !ok {
		p.other[ih] += n
		p.unclaimed[peer] += n
		return
	}
	p.credit(ih, account, n)
}

// claimed records the account peer named (its claim checked) for what it delivers from now on, and
// credits it with what the peer delivered before it named any.
func (p *payouts) claimed(peer *torrent.Peer, ih metainfo.Hash, account common.Address) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.claims[peer] = account
	if n := p.unclaimed[peer]; n > 0 {
		p.other[ih] -= n
		p.credit(ih, account, n)
	}
	delete(p.unclaimed, peer)
}

// closed forgets a peer that went: what it delivered stays counted.
func (p *payouts) closed(peer *torrent.Peer) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.claims, peer)
	delete(p.unclaimed, peer)
}

func (p *payouts) credit(ih metainfo.Hash, account common.Address, n int64) {
	if p.delivered[ih] == nil {
		p.delivered[ih] = map[common.Address]int64{}
	}
	p.delivered[ih][account] += n
}

// checkClaim reads a payout claim and returns its account if the signature is that account's over
// the sending peer's id and the torrent.
func checkClaim(payload []byte, peerID [20]byte, ih metainfo.Hash) (common.Address, error) {
	var c payoutClaim
	if err := bencode.Unmarshal(payload, &c); err != nil {
		return common.Address{}, fmt.Errorf("swarm: payout claim: %w", err)
	}
	if len(c.Account) != common.AddressLength || len(c.Sig) != crypto.SignatureLength {
		return common.Address{}, fmt.Errorf("swarm: payout claim: bad lengths")
	}
	pub, err := crypto.SigToPub(PayoutDigest(peerID, ih), c.Sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("swarm: payout claim: %w", err)
	}
	account := common.BytesToAddress(c.Account)
	if crypto.PubkeyToAddress(*pub) != account {
		return common.Address{}, fmt.Errorf("swarm: payout claim: signed by another account")
	}
	return account, nil
}

// Sources is where a transfer's useful bytes came from.
type Sources struct {
	// ByAccount is what the peers that named each payout account delivered.
	ByAccount map[common.Address]int64
	// Other is what came from the web seeds and from peers that named no account (or a claim that
	// did not check out).
	Other int64
}

func (p *payouts) sources(ih metainfo.Hash) Sources {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := Sources{ByAccount: map[common.Address]int64{}, Other: p.other[ih]}
	for a, n := range p.delivered[ih] {
		s.ByAccount[a] = n
	}
	return s
}

// peersServed is how many distinct peers asked this client for blocks of a torrent.
func (p *payouts) peersServed(ih metainfo.Hash) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.served[ih])
}
