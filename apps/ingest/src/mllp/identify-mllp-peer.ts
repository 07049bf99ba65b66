import { type FeedSource } from '../sources/feed-source.entity';
import { type SourceAuthenticator } from '../sources/source-authenticator.service';
import { type MllpPeer } from './mllp-server';

/**
 * MLLP has no credentials of its own: a TLS connection is bound by the client certificate the TLS layer
 * verified, a plain one by the peer address listed on a source (the usual interface-engine allowlist).
 */
export function identifyMllpPeer(sources: SourceAuthenticator, peer: MllpPeer): Promise<FeedSource | undefined> {
  return peer.certificateFingerprint
    ? sources.byCertificateFingerprint(peer.certificateFingerprint)
    : sources.byPeerAddress(peer.address);
}
