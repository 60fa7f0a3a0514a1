package com.notalabel.user.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.shared.events.EventPublisher;
import com.notalabel.shared.web.JsonMergePatch;
import com.notalabel.shared.web.Problems.FieldError;
import com.notalabel.types.id.UserId;

/**
 * Reads and changes artist profiles.
 */
@Service
class Profiles {

	/** Handles that would read as a part of the product rather than an artist. */
	/**
	 * Words that are not an artist's: the platform's own, and the web app's routes, since
	 * an artist's public page lives at {@code /{handle}} beside them.
	 */
	private static final Set<String> RESERVED_HANDLES = Set.of("admin", "administrator", "api", "me", "not-a-label",
			"notalabel", "root", "settings", "staff", "support", "system", "dashboard", "tracks", "albums", "profile",
			"login", "signup", "forgot-password", "reset-password", "verify-email", "docs", "releases", "analytics",
			"money", "payments", "payouts", "notifications", "invitations", "unsubscribe", "ai", "_next",
			"favicon.ico");

	private final AccountRepository accounts;

	private final EventPublisher events;

	private final JsonMapper mapper;

	private final Validator validator;

	private final Clock clock;

	Profiles(AccountRepository accounts, EventPublisher events, JsonMapper mapper, Validator validator, Clock clock) {
		this.accounts = accounts;
		this.events = events;
		this.mapper = mapper;
		this.validator = validator;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	ArtistResponse artist(String handle) {
		return this.accounts.findByHandle(handle.toLowerCase(Locale.ROOT))
			.map(ArtistResponse::of)
			.orElseThrow(ArtistNotFound::new);
	}

	/**
	 * Applies a JSON merge patch (RFC 7396) to the profile: a field that is present
	 * replaces the stored one, {@code null} clears it, an absent field stays. Fields that
	 * are not part of a profile (roles, the address, its verification, ids) are refused,
	 * and the request changes nothing.
	 * @param user the artist
	 * @param patch the patch
	 * @return the account after the update
	 */
	@Transactional
	UserResponse update(UserId user, Map<String, @Nullable Object> patch) {
		List<FieldError> unknown = patch.keySet()
			.stream()
			.filter((name) -> !Profile.FIELD_NAMES.contains(name))
			.sorted()
			.map((name) -> new FieldError(name, "is not a field of a profile"))
			.toList();
		if (!unknown.isEmpty()) {
			throw new ProfileRejected("The request has a field a profile does not have.", unknown);
		}
		Account account = this.accounts.lockById(user.value()).orElseThrow(AccountNotFound::new);
		Profile updated = validated(merge(account.profile(), patch));
		if (updated.handle() != null && this.accounts.existsByHandleAndIdNot(updated.handle(), user.value())) {
			throw new HandleTaken();
		}
		Instant now = this.clock.instant();
		if (account.updateProfile(updated, now)) {
			this.events.publish(ProfileUpdates.of(account, now));
		}
		return UserResponse.of(account);
	}

	private Profile merge(Profile current, Map<String, @Nullable Object> patch) {
		try {
			return JsonMergePatch.apply(this.mapper, current, patch, Profile.class);
		}
		catch (JacksonException ex) {
			throw new ProfileRejected("The request has a value of the wrong type.",
					List.of(new FieldError(JsonMergePatch.fieldOf(ex, "body"), "has the wrong type or format")));
		}
	}

	private Profile validated(Profile profile) {
		List<FieldError> errors = new ArrayList<>();
		for (ConstraintViolation<Profile> violation : this.validator.validate(profile)) {
			errors.add(new FieldError(path(violation.getPropertyPath()), violation.getMessage()));
		}
		if (profile.handle() != null && RESERVED_HANDLES.contains(profile.handle())) {
			errors.add(new FieldError("handle", "is reserved"));
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
			throw new ProfileRejected("The request has invalid values.", errors);
		}
		return profile;
	}

	/**
	 * {@code links[1].url} rather than Bean Validation's
	 * {@code links[1].<list element>.url}.
	 */
	private static String path(Path path) {
		StringBuilder name = new StringBuilder();
		for (Path.Node node : path) {
			if (node.getIndex() != null) {
				name.append('[').append(node.getIndex()).append(']');
			}
			if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
				name.append(name.isEmpty() ? "" : ".").append(node.getName());
			}
		}
		return name.toString();
	}

}
