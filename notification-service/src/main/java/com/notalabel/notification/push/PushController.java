package com.notalabel.notification.push;

import java.net.URI;
import java.util.Base64;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.Problems.FieldError;

@RestController
@RequestMapping("/api/v1/notifications/push")
class PushController {

	private final PushKeys keys;

	private final PushSubscriptions subscriptions;

	private final PushSettings settings;

	PushController(PushKeys keys, PushSubscriptions subscriptions, PushSettings settings) {
		this.keys = keys;
		this.subscriptions = subscriptions;
		this.settings = settings;
	}

	/**
	 * The key the browser's {@code pushManager.subscribe} takes as
	 * {@code applicationServerKey}.
	 */
	@GetMapping("/key")
	PublicKey key() {
		return new PublicKey(this.keys.publicKey());
	}

	/**
	 * Saves the browser's {@code PushSubscription.toJSON()}: 201 when new, 200 when it
	 * was known.
	 */
	@PostMapping("/subscriptions")
	ResponseEntity<Void> subscribe(CurrentUser user, @RequestBody @Valid SubscriptionRequest request) {
		String endpoint = endpoint(request.endpoint());
		String p256dh = key(request.keys().p256dh(), 65, "keys.p256dh", "is not an uncompressed P-256 public key");
		String auth = key(request.keys().auth(), 16, "keys.auth", "is not a 16-byte secret");
		if (Base64.getUrlDecoder().decode(p256dh)[0] != 4) {
			throw new PushSubscriptionRejected(
					new FieldError("keys.p256dh", "is not an uncompressed P-256 public key"));
		}
		boolean created = this.subscriptions.save(user.id(), endpoint, p256dh, auth);
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).build();
	}

	@DeleteMapping("/subscriptions")
	ResponseEntity<Void> unsubscribe(CurrentUser user, @RequestBody @Valid Unsubscription request) {
		this.subscriptions.delete(user.id(), request.endpoint());
		return ResponseEntity.noContent().build();
	}

	private String endpoint(String value) {
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (java.net.URISyntaxException ex) {
			throw new PushSubscriptionRejected(new FieldError("endpoint", "is not a URL"));
		}
		boolean https = "https".equals(uri.getScheme());
		boolean http = "http".equals(uri.getScheme()) && this.settings.allowHttpEndpoints();
		if (!(https || http) || uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new PushSubscriptionRejected(new FieldError("endpoint", "is not the https URL of a push service"));
		}
		return value;
	}

	/**
	 * Browsers give the keys in base64url without padding; some libraries pad them. They
	 * are stored unpadded.
	 */
	private static String key(String value, int length, String field, String message) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(value.strip());
			if (bytes.length == length) {
				return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			}
		}
		catch (IllegalArgumentException ex) {
			// Not base64url: refused below.
		}
		throw new PushSubscriptionRejected(new FieldError(field, message));
	}

	/**
	 * @param publicKey the VAPID public key, base64url of the uncompressed P-256 point
	 */
	record PublicKey(String publicKey) {

	}

	/**
	 * @param endpoint the push service's URL for the browser
	 * @param expirationTime when the browser lets it expire, if it says
	 * @param keys the browser's keys
	 */
	record SubscriptionRequest(@NotBlank @Size(max = 2000) String endpoint, @Nullable Long expirationTime,
			@NotNull @Valid Keys keys) {

	}

	/**
	 * @param p256dh the browser's public key
	 * @param auth the shared authentication secret
	 */
	record Keys(@NotBlank @Size(max = 200) String p256dh, @NotBlank @Size(max = 100) String auth) {

	}

	/**
	 * @param endpoint the push service's URL for the browser
	 */
	record Unsubscription(@NotBlank @Size(max = 2000) String endpoint) {

	}

}
