package com.notalabel.notification.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

import com.interaso.webpush.VapidKeys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The VAPID key pair: the configured one, or else the one kept in the service's schema,
 * made by whichever instance needs it first. Browsers subscribe with the public key, so
 * every instance and every restart must sign with the same pair (ADR 44).
 */
@Component
class PushKeys {

	private final VapidKeys keys;

	PushKeys(PushSettings settings, JdbcClient jdbc, Clock clock) {
		this.keys = settings.keysConfigured() ? configured(settings) : stored(jdbc, clock);
	}

	VapidKeys keys() {
		return this.keys;
	}

	/**
	 * @return the public key as browsers take it ({@code applicationServerKey})
	 */
	String publicKey() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(this.keys.getApplicationServerKey());
	}

	private static VapidKeys configured(PushSettings settings) {
		try {
			return VapidKeys.fromUncompressedBytes(settings.publicKey().strip(), settings.privateKey().strip());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not a P-256 key pair in"
					+ " base64url (the uncompressed public point and the private scalar, as web-push generate-vapid-keys"
					+ " prints them)", ex);
		}
	}

	private static VapidKeys stored(JdbcClient jdbc, Clock clock) {
		VapidKeys generated = VapidKeys.generate();
		// The first instance's insert wins; the others read the pair it stored.
		jdbc.sql("insert into vapid_key (public_key, private_key, created_at) values (?, ?, ?) on conflict do nothing")
			.params(generated.getX509PublicKey(), generated.getPkcs8PrivateKey(), Timestamp.from(clock.instant()))
			.update();
		return jdbc.sql("select public_key, private_key from vapid_key")
			.query((rs, row) -> VapidKeys.create(rs.getString("public_key"), rs.getString("private_key")))
			.single();
	}

}
