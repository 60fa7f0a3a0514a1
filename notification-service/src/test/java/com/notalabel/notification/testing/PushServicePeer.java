package com.notalabel.notification.testing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.test.infra.AtExit;

/**
 * A push service, as far as a sender sees one (RFC 8030): each subscription is a URL that
 * takes encrypted messages. It checks every message as a browser's push service and the
 * browser together would: the {@code TTL} header, the VAPID token (RFC 8292: ES256 signed
 * by the key in {@code k}, audience its own origin, expiry within a day, a contact in
 * {@code sub}), and it decrypts the aes128gcm body (RFC 8188, 8291) with the
 * subscription's private key. A subscription can be expired, after which it answers 410.
 * One per JVM, on a free port of the loopback interface.
 */
public final class PushServicePeer {

	private static final PushServicePeer SHARED = new PushServicePeer();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<String, Browser> browsers = new ConcurrentHashMap<>();

	private final Set<String> expired = ConcurrentHashMap.newKeySet();

	private PushServicePeer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/push/", this::receive);
		this.server.start();
		AtExit.run(() -> this.server.stop(0));
	}

	public static PushServicePeer shared() {
		return SHARED;
	}

	/**
	 * A browser subscribes: a key pair and an authentication secret of its own.
	 * @return the browser
	 */
	public Browser subscribe() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			byte[] auth = new byte[16];
			RANDOM.nextBytes(auth);
			String id = UUID.randomUUID().toString();
			Browser browser = new Browser("http://127.0.0.1:" + this.server.getAddress().getPort() + "/push/" + id,
					generator.generateKeyPair(), auth, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
			this.browsers.put(id, browser);
			return browser;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * From now on the push service answers 410 Gone for the browser, as once it
	 * unsubscribed.
	 * @param browser the browser
	 */
	public void expire(Browser browser) {
		this.expired.add(browser.id());
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			String id = exchange.getRequestURI().getPath().substring("/push/".length());
			Browser browser = this.browsers.get(id);
			byte[] bytes = body.readAllBytes();
			if (browser == null || this.expired.contains(id)) {
				exchange.sendResponseHeaders(browser == null ? 404 : 410, -1);
				return;
			}
			try {
				Received received = check(exchange, browser, bytes);
				browser.received().add(received);
				exchange.sendResponseHeaders(201, -1);
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				browser.refused().add(ex.toString());
				exchange.sendResponseHeaders(400, -1);
			}
		}
	}

	private Received check(HttpExchange exchange, Browser browser, byte[] body) throws GeneralSecurityException {
		String ttl = exchange.getRequestHeaders().getFirst("TTL");
		if (ttl == null || Integer.parseInt(ttl) < 0) {
			throw new IllegalArgumentException("no TTL");
		}
		if (!"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
			throw new IllegalArgumentException("not aes128gcm");
		}
		String vapidKey = verifyVapid(exchange.getRequestHeaders().getFirst("Authorization"), browser.endpoint());
		JsonNode payload = JSON.readTree(decrypt(browser, body));
		return new Received(Integer.parseInt(ttl), vapidKey, payload);
	}

	/**
	 * @return the VAPID public key the token was verified with
	 */
	private static String verifyVapid(String authorization, String endpoint) throws GeneralSecurityException {
		if (authorization == null || !authorization.startsWith("vapid ")) {
			throw new IllegalArgumentException("no vapid authorization");
		}
		String token = null;
		String key = null;
		for (String part : authorization.substring(6).split(",")) {
			String[] pair = part.strip().split("=", 2);
			if ("t".equals(pair[0])) {
				token = pair[1];
			}
			else if ("k".equals(pair[0])) {
				key = pair[1];
			}
		}
		if (token == null || key == null) {
			throw new IllegalArgumentException("vapid needs t and k");
		}
		String[] jwt = token.split("\\.");
		Base64.Decoder base64 = Base64.getUrlDecoder();
		JsonNode header = JSON.readTree(base64.decode(jwt[0]));
		JsonNode claims = JSON.readTree(base64.decode(jwt[1]));
		if (!"ES256".equals(header.get("alg").asString())) {
			throw new IllegalArgumentException("not ES256");
		}
		Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
		signature.initVerify(publicKey(base64.decode(key)));
		signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		if (!signature.verify(base64.decode(jwt[2]))) {
			throw new IllegalArgumentException("bad VAPID signature");
		}
		java.net.URI uri = java.net.URI.create(endpoint);
		if (!claims.get("aud").asString().equals(uri.getScheme() + "://" + uri.getAuthority())) {
			throw new IllegalArgumentException("wrong audience " + claims.get("aud"));
		}
		long exp = claims.get("exp").asLong();
		long now = Instant.now().getEpochSecond();
		if (exp <= now || exp > now + 24 * 3600) {
			throw new IllegalArgumentException("expiry not within a day");
		}
		String sub = claims.get("sub").asString();
		if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
			throw new IllegalArgumentException("no contact in sub");
		}
		return key;
	}

	private static byte[] decrypt(Browser browser, byte[] body) throws GeneralSecurityException {
		ByteBuffer buffer = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		buffer.get(salt);
		int recordSize = buffer.getInt();
		byte[] senderKey = new byte[buffer.get() & 0xff];
		buffer.get(senderKey);
		byte[] ciphertext = new byte[buffer.remaining()];
		buffer.get(ciphertext);
		if (ciphertext.length > recordSize) {
			throw new IllegalArgumentException("one record expected");
		}
		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(browser.keys().getPrivate());
		agreement.doPhase(publicKey(senderKey), true);
		byte[] shared = agreement.generateSecret();
		byte[] browserKey = browser.p256dhBytes();
		byte[] info = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserKey, senderKey);
		byte[] ikm = expand(hmac(browser.auth(), shared), info, 32);
		byte[] prk = hmac(salt, ikm);
		byte[] key = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
		byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = cipher.doFinal(ciphertext);
		int end = padded.length - 1;
		while (end >= 0 && padded[end] == 0) {
			end--;
		}
		if (end < 0 || padded[end] != 2) {
			throw new IllegalArgumentException("not the last record's delimiter");
		}
		return Arrays.copyOf(padded, end);
	}

	private static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
		if (uncompressed.length != 65 || uncompressed[0] != 4) {
			throw new IllegalArgumentException("not an uncompressed P-256 point");
		}
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		ECParameterSpec curve = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
	}

	private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	/** HKDF-Expand (RFC 5869) for one block, which every length here fits in. */
	private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
		return Arrays.copyOf(hmac(prk, concat(info, new byte[] { 1 })), length);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		ByteBuffer buffer = ByteBuffer.allocate(length);
		for (byte[] part : parts) {
			buffer.put(part);
		}
		return buffer.array();
	}

	/**
	 * A subscribed browser.
	 *
	 * @param endpoint its URL at the push service
	 * @param keys its key pair
	 * @param auth its authentication secret
	 * @param received the messages it got, decrypted
	 * @param refused why messages were refused, if any were
	 */
	public record Browser(String endpoint, KeyPair keys, byte[] auth, List<Received> received, List<String> refused) {

		String id() {
			return this.endpoint.substring(this.endpoint.lastIndexOf('/') + 1);
		}

		byte[] p256dhBytes() {
			ECPoint point = ((ECPublicKey) this.keys.getPublic()).getW();
			return concat(new byte[] { 4 }, unsigned(point.getAffineX()), unsigned(point.getAffineY()));
		}

		/**
		 * @return what {@code PushSubscription.toJSON()} gives
		 */
		public Map<String, Object> toJson() {
			Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
			Map<String, Object> json = new java.util.LinkedHashMap<>();
			json.put("endpoint", this.endpoint);
			json.put("expirationTime", null);
			json.put("keys",
					Map.of("p256dh", base64.encodeToString(p256dhBytes()), "auth", base64.encodeToString(this.auth)));
			return json;
		}

		private static byte[] unsigned(BigInteger value) {
			byte[] bytes = value.toByteArray();
			byte[] fixed = new byte[32];
			int length = Math.min(bytes.length, 32);
			System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
			return fixed;
		}

	}

	/**
	 * A message the push service accepted.
	 *
	 * @param ttl its {@code TTL} header
	 * @param vapidKey the key its VAPID token was verified with
	 * @param payload the decrypted payload
	 */
	public record Received(int ttl, String vapidKey, JsonNode payload) {

	}

}
