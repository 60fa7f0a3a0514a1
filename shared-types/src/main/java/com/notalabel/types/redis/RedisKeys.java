package com.notalabel.types.redis;

/**
 * Names every Redis key and channel the platform uses, behind one prefix so that
 * environments (and test runs) sharing a Redis server never see each other's data.
 *
 * @param prefix prepended to every key and channel, empty in production
 */
public record RedisKeys(String prefix) {

	public RedisKeys {
		prefix = (prefix == null) ? "" : prefix;
	}

	/**
	 * The stream a service publishes its events to.
	 * @param producer the publishing service, e.g. {@code music-service}
	 * @return {@code nal:events:<producer>}
	 */
	public String eventStream(String producer) {
		return this.prefix + "nal:events:" + producer;
	}

	/**
	 * Where a consumer group parks events it gave up on.
	 * @param group the consuming service
	 * @return {@code nal:dead-letters:<group>}
	 */
	public String deadLetterStream(String group) {
		return this.prefix + "nal:dead-letters:" + group;
	}

	/**
	 * A pub/sub channel for ephemeral fan-out.
	 * @param name the channel's name, e.g. {@code session-revoked}
	 * @return {@code nal:live:<name>}
	 */
	public String channel(String name) {
		return this.prefix + "nal:live:" + name;
	}

	/**
	 * The revoked sessions whose access tokens may still be in circulation: a sorted set
	 * of session ids scored by the epoch millisecond at which their last access token
	 * expires. user-service writes it; every gateway instance loads it at start-up and
	 * then follows {@link com.notalabel.types.session.SessionRevocationNotice}s on
	 * {@link com.notalabel.types.session.SessionRevocationNotice#CHANNEL}.
	 * @return {@code nal:sessions:revoked}
	 */
	public String revokedSessions() {
		return this.prefix + "nal:sessions:revoked";
	}

	/**
	 * Any other key a service keeps in Redis.
	 * @param parts the key's parts, joined with {@code :}
	 * @return {@code nal:<parts...>}
	 */
	public String key(String... parts) {
		return this.prefix + "nal:" + String.join(":", parts);
	}

}
