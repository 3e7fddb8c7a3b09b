package store

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"net/netip"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// TrackerPeer is a peer of a torrent as its last announce to the market's tracker told it.
type TrackerPeer struct {
	InfoHash  string // 40 lowercase hex digits
	PeerID    [20]byte
	Addr      netip.AddrPort
	Seeding   bool
	ExpiresAt time.Time
}

// TrackerAnnounce is one announce, as the tracker applies it.
type TrackerAnnounce struct {
	Peer      TrackerPeer
	Stopped   bool // the peer left: forget it
	Completed bool // the peer says it finished downloading
	Now       time.Time
	// MaxPeers caps the live peers kept per torrent: a new peer of a full torrent is not kept (it
	// still gets the peer list). Concurrent announces of new peers may overshoot it by as many.
	MaxPeers int
	// NumWant is how many peers (other than the announcing one) to hand out at most.
	NumWant int
}

// TrackerSwarm is what the tracker knows of one torrent: some of its live peers, and counts.
type TrackerSwarm struct {
	Peers      []TrackerPeer
	Seeders    int
	Leechers   int
	Downloaded int64
}

type trackerPeerRow struct {
	InfoHash  string    `gorm:"column:info_hash;primaryKey"`
	PeerID    string    `gorm:"column:peer_id;primaryKey"`
	IP        string    `gorm:"column:ip"`
	Port      int       `gorm:"column:port"`
	Seeding   bool      `gorm:"column:seeding"`
	ExpiresAt time.Time `gorm:"column:expires_at"`
}

func (trackerPeerRow) TableName() string { return "tracker_peers" }

type trackerCompletionRow struct {
	InfoHash   string `gorm:"column:info_hash;primaryKey"`
	Downloaded int64  `gorm:"column:downloaded"`
}

func (trackerCompletionRow) TableName() string { return "tracker_completions" }

// VerifiedInfoHash reports whether infoHash (40 lowercase hex digits) is the torrent of a package
// that passed its check: ErrNotFound if not.
func (q querier) VerifiedInfoHash(ctx context.Context, infoHash string) error {
	var n int64
	err := q.with(ctx).Model(&packageTorrentRow{}).Where("info_hash = ? AND status = ?", infoHash, string(PackageVerified)).
		Limit(1).Count(&n).Error
	if err != nil {
		return fmt.Errorf("store: info hash %s: %w", infoHash, classify(err))
	}
	if n == 0 {
		return fmt.Errorf("store: info hash %s: %w", infoHash, ErrNotFound)
	}
	return nil
}

// AnnounceTrackerPeer applies an announce to the torrent of a verified package and returns its
// swarm as the announcing peer should see it (without itself): ErrNotFound for any other info hash,
// which is then left untouched. The torrent's expired peers are forgotten on the way.
func (s *Store) AnnounceTrackerPeer(ctx context.Context, a TrackerAnnounce) (TrackerSwarm, error) {
	var out TrackerSwarm
	err := s.Transact(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.announceTrackerPeer(ctx, a)
		return err
	})
	return out, err
}

func (q querier) announceTrackerPeer(ctx context.Context, a TrackerAnnounce) (TrackerSwarm, error) {
	ih, now := a.Peer.InfoHash, a.Now.UTC().Truncate(time.Microsecond)
	if err := q.VerifiedInfoHash(ctx, ih); err != nil {
		return TrackerSwarm{}, err
	}
	wrap := func(err error) error { return fmt.Errorf("store: tracker %s: %w", ih, classify(err)) }
	db := q.with(ctx)
	if err := db.Where("info_hash = ? AND expires_at <= ?", ih, now).Delete(&trackerPeerRow{}).Error; err != nil {
		return TrackerSwarm{}, wrap(err)
	}
	id := hex.EncodeToString(a.Peer.PeerID[:])
	var prev trackerPeerRow
	err := db.Where("info_hash = ? AND peer_id = ?", ih, id).Take(&prev).Error
	known := err == nil
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return TrackerSwarm{}, wrap(err)
	}
	switch {
	case a.Stopped:
		if err := db.Where("info_hash = ? AND peer_id = ?", ih, id).Delete(&trackerPeerRow{}).Error; err != nil {
			return TrackerSwarm{}, wrap(err)
		}
	default:
		keep := known
		if !keep {
			var n int64
			if err := db.Model(&trackerPeerRow{}).Where("info_hash = ?", ih).Count(&n).Error; err != nil {
				return TrackerSwarm{}, wrap(err)
			}
			keep = n < int64(a.MaxPeers)
		}
		if keep {
			row := trackerPeerRow{InfoHash: ih, PeerID: id, IP: a.Peer.Addr.Addr().Unmap().String(), Port: int(a.Peer.Addr.Port()),
				Seeding: a.Peer.Seeding, ExpiresAt: a.Peer.ExpiresAt.UTC().Truncate(time.Microsecond)}
			err := db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "info_hash"}, {Name: "peer_id"}},
				DoUpdates: clause.AssignmentColumns([]string{"ip", "port", "seeding", "expires_at"})}).Create(&row).Error
			if err != nil {
				return TrackerSwarm{}, wrap(err)
			}
		}
		if a.Completed && known && !prev.Seeding {
			err := db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "info_hash"}},
				DoUpdates: clause.Assignments(map[string]any{"downloaded": gorm.Expr("tracker_completions.downloaded + 1")})}).
				Create(&trackerCompletionRow{InfoHash: ih, Downloaded: 1}).Error
			if err != nil {
				return TrackerSwarm{}, wrap(err)
			}
		}
	}
	out, err := q.trackerSwarm(ctx, ih, now)
	if err != nil {
		return TrackerSwarm{}, err
	}
	if a.NumWant <= 0 {
		return out, nil
	}
	var rows []trackerPeerRow
	err = db.Where("info_hash = ? AND peer_id <> ? AND expires_at > ?", ih, id, now).Order("random()").Limit(a.NumWant).Find(&rows).Error
	if err != nil {
		return TrackerSwarm{}, wrap(err)
	}
	for _, r := range rows {
		p, err := r.peer()
		if err != nil {
			return TrackerSwarm{}, wrap(err)
		}
		out.Peers = append(out.Peers, p)
	}
	return out, nil
}

// trackerSwarm counts the live peers and completions of a torrent.
func (q querier) trackerSwarm(ctx context.Context, ih string, now time.Time) (TrackerSwarm, error) {
	var counts []struct {
		Seeding bool
		N       int
	}
	db := q.with(ctx)
	err := db.Model(&trackerPeerRow{}).Select("seeding, count(*) AS n").Where("info_hash = ? AND expires_at > ?", ih, now).
		Group("seeding").Scan(&counts).Error
	if err != nil {
		return TrackerSwarm{}, fmt.Errorf("store: tracker %s: %w", ih, classify(err))
	}
	var out TrackerSwarm
	for _, c := range counts {
		if c.Seeding {
			out.Seeders = c.N
		} else {
			out.Leechers = c.N
		}
	}
	var done trackerCompletionRow
	err = db.Where("info_hash = ?", ih).Take(&done).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return TrackerSwarm{}, fmt.Errorf("store: tracker %s: %w", ih, classify(err))
	}
	out.Downloaded = done.Downloaded
	return out, nil
}

// ScrapeTracker counts the live peers and completions of each torrent in infoHashes that is a
// verified package's; the others are left out of the answer.
func (q querier) ScrapeTracker(ctx context.Context, infoHashes []string, now time.Time) (map[string]TrackerSwarm, error) {
	now = now.UTC().Truncate(time.Microsecond)
	out := map[string]TrackerSwarm{}
	for _, ih := range infoHashes {
		if _, ok := out[ih]; ok {
			continue
		}
		if err := q.VerifiedInfoHash(ctx, ih); errors.Is(err, ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		s, err := q.trackerSwarm(ctx, ih, now)
		if err != nil {
			return nil, err
		}
		out[ih] = s
	}
	return out, nil
}

// ForgetExpiredTrackerPeers deletes every peer whose announce expired by now, and returns how many.
func (q querier) ForgetExpiredTrackerPeers(ctx context.Context, now time.Time) (int64, error) {
	res := q.with(ctx).Where("expires_at <= ?", now.UTC().Truncate(time.Microsecond)).Delete(&trackerPeerRow{})
	if res.Error != nil {
		return 0, fmt.Errorf("store: forget expired tracker peers: %w", classify(res.Error))
	}
	return res.RowsAffected, nil
}

func (r trackerPeerRow) peer() (TrackerPeer, error) {
	p := TrackerPeer{InfoHash: r.InfoHash, Seeding: r.Seeding, ExpiresAt: r.ExpiresAt.UTC()}
	id, err := hex.DecodeString(r.PeerID)
	if err != nil || len(id) != len(p.PeerID) {
		return TrackerPeer{}, fmt.Errorf("peer id %q: %w", r.PeerID, ErrInvalid)
	}
	copy(p.PeerID[:], id)
	ip, err := netip.ParseAddr(r.IP)
	if err != nil || r.Port < 1 || r.Port > 65535 {
		return TrackerPeer{}, fmt.Errorf("peer address %q:%d: %w", r.IP, r.Port, ErrInvalid)
	}
	p.Addr = netip.AddrPortFrom(ip, uint16(r.Port))
	return p, nil
}
