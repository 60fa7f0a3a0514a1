package com.notalabel.user.token;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.security.converter.RsaKeyConverters;

/**
 * An RSA key pair that signs access tokens, named by the RFC 7638 thumbprint of its
 * public key: every instance given the same key derives the same {@code kid} without
 * coordinating.
 *
 * @param kid the key id in token headers and the JWKS
 * @param privateKey signs
 * @param publicKey verifies; published
 */
record RsaSigningKey(String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {

	/** NIST's floor for RSA through 2030; shorter keys are refused at start-up. */
	static final int MIN_BITS = 2048;

	@Override
	public String toString() {
		return "RsaSigningKey[kid=" + this.kid + "]";
	}

	/**
	 * Reads an unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), as written
	 * by {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048}. Line
	 * breaks written as {@code \n} (the way a PEM often survives an environment variable)
	 * are accepted.
	 * @param pem the key
	 * @return the key pair
	 * @throws IllegalArgumentException if it is not such a key or shorter than 2048 bits
	 */
	static RsaSigningKey fromPem(String pem) {
		String text = pem.replace("\\n", "\n").strip();
		PrivateKey key;
		try {
			key = RsaKeyConverters.pkcs8().convert(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"The signing key is not an unencrypted PKCS#8 PEM RSA private key (-----BEGIN PRIVATE KEY-----)",
					ex);
		}
		if (!(key instanceof RSAPrivateCrtKey crt)) {
			throw new IllegalArgumentException(
					"The signing key lacks its CRT parameters, so its public key is unknown");
		}
		return of(crt);
	}

	static RsaSigningKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(MIN_BITS);
			return of((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK generates RSA keys", ex);
		}
	}

	private static RsaSigningKey of(RSAPrivateCrtKey privateKey) {
		if (privateKey.getModulus().bitLength() < MIN_BITS) {
			throw new IllegalArgumentException("The signing key has " + privateKey.getModulus().bitLength()
					+ " bits; RS256 keys need at least " + MIN_BITS);
		}
		try {
			RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			String kid = new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
			return new RsaSigningKey(kid, privateKey, publicKey);
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException("Cannot derive the public key of the signing key", ex);
		}
	}

	/**
	 * The PKCS#8 PEM of the private key.
	 * @return the PEM text
	 */
	String toPem() {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(this.privateKey.getEncoded());
		return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
	}

	/**
	 * The public key as it is published.
	 * @return the JWK, without private parts
	 */
	RSAKey publicJwk() {
		return new RSAKey.Builder(this.publicKey).keyID(this.kid)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.build();
	}

}
