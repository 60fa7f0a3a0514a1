import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Makes a throwaway RSA key, its JWKS, and one access token as user-service issues them
 * (ARCHITECTURE.md §4), with nothing but the JDK: {@code java MintToken.java <dir>}
 * writes {@code <dir>/jwks.json} and {@code <dir>/token}.
 */
public class MintToken {

	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
		String kid = "bench-" + UUID.randomUUID();

		String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
				+ unsigned(publicKey.getModulus()) + "\",\"e\":\"" + unsigned(publicKey.getPublicExponent()) + "\"}]}";

		long now = Instant.now().getEpochSecond();
		String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}";
		String claims = "{\"iss\":\"not-a-label\",\"aud\":\"not-a-label-api\",\"sub\":\"" + UUID.randomUUID()
				+ "\",\"sid\":\"" + UUID.randomUUID() + "\",\"roles\":[\"ARTIST\"],\"iat\":" + now + ",\"exp\":"
				+ (now + 86_400) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
		String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		Signature rs256 = Signature.getInstance("SHA256withRSA");
		rs256.initSign(keys.getPrivate());
		rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		String token = signingInput + "." + URL.encodeToString(rs256.sign());

		Files.writeString(dir.resolve("jwks.json"), jwks);
		Files.writeString(dir.resolve("token"), token);
	}

	private static String unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			byte[] trimmed = new byte[bytes.length - 1];
			System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
			bytes = trimmed;
		}
		return URL.encodeToString(bytes);
	}

}
