package com.notalabel.user.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.UserId;

/**
 * A person's account: credentials, roles and artist profile.
 */
@Entity
@Table(name = "account")
public class Account {

	@Id
	private UUID id;

	private String email;

	private @Nullable Instant emailVerifiedAt;

	private String passwordHash;

	private Instant passwordChangedAt;

	private String displayName;

	private @Nullable String handle;

	private @Nullable String bio;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> genres;

	private @Nullable String location;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "profile_link", joinColumns = @JoinColumn(name = "account_id"))
	@OrderColumn(name = "position")
	private List<Link> links;

	private @Nullable UUID avatarId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> roles;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Account() {
		this.id = UUID.randomUUID();
		this.email = "";
		this.passwordHash = "";
		this.passwordChangedAt = Instant.EPOCH;
		this.displayName = "";
		this.genres = new ArrayList<>();
		this.links = new ArrayList<>();
		this.roles = new ArrayList<>();
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	private Account(String email, String passwordHash, String displayName, Instant now) {
		this.id = UserId.newId().value();
		this.email = Emails.normalize(email);
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
		this.displayName = displayName;
		this.genres = new ArrayList<>();
		this.links = new ArrayList<>();
		this.roles = new ArrayList<>(List.of(Role.ARTIST.name()));
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A new artist account with an unverified address.
	 * @param email the address, normalised here
	 * @param passwordHash the Argon2id hash of the chosen password
	 * @param displayName the name shown everywhere
	 * @param now when
	 * @return the account
	 */
	public static Account register(String email, String passwordHash, String displayName, Instant now) {
		return new Account(email, passwordHash, displayName, now);
	}

	public UserId id() {
		return UserId.of(this.id);
	}

	public String email() {
		return this.email;
	}

	public boolean isEmailVerified() {
		return this.emailVerifiedAt != null;
	}

	public @Nullable Instant emailVerifiedAt() {
		return this.emailVerifiedAt;
	}

	public String passwordHash() {
		return this.passwordHash;
	}

	public Instant passwordChangedAt() {
		return this.passwordChangedAt;
	}

	public Set<Role> roles() {
		Set<Role> parsed = EnumSet.noneOf(Role.class);
		this.roles.forEach((role) -> parsed.add(Role.valueOf(role)));
		return parsed;
	}

	/**
	 * The role names in a stable order, as they go into access tokens.
	 * @return the names
	 */
	public List<String> roleNames() {
		return roles().stream().map(Role::name).toList();
	}

	public Profile profile() {
		return new Profile(this.displayName, this.handle, this.bio, List.copyOf(this.genres), this.location,
				List.copyOf(this.links));
	}

	/**
	 * @return the id of the current profile picture's upload, or {@code null} when there
	 * is none
	 */
	public @Nullable UUID avatarId() {
		return this.avatarId;
	}

	/**
	 * Points the profile at a newly stored picture.
	 * @param avatar the new upload's id
	 * @param now when
	 * @return the replaced upload's id, or {@code null}
	 */
	public @Nullable UUID replaceAvatar(UUID avatar, Instant now) {
		UUID previous = this.avatarId;
		this.avatarId = avatar;
		this.updatedAt = now;
		return previous;
	}

	/**
	 * Takes the picture off the profile.
	 * @param now when
	 * @return the removed upload's id, or {@code null} when there was none
	 */
	public @Nullable UUID removeAvatar(Instant now) {
		UUID previous = this.avatarId;
		if (previous != null) {
			this.avatarId = null;
			this.updatedAt = now;
		}
		return previous;
	}

	public String displayName() {
		return this.displayName;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/**
	 * Marks the address as proven.
	 * @param now when the person proved it
	 * @return whether it was unverified before
	 */
	public boolean verifyEmail(Instant now) {
		if (this.emailVerifiedAt != null) {
			return false;
		}
		this.emailVerifiedAt = now;
		return true;
	}

	/**
	 * Sets a new password the person chose.
	 * @param newHash its Argon2id hash
	 * @param now when
	 */
	public void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
		this.updatedAt = now;
	}

	/**
	 * Replaces the hash of the same password with one at the current hashing parameters.
	 * @param upgradedHash the new hash
	 */
	public void upgradePasswordHash(String upgradedHash) {
		this.passwordHash = upgradedHash;
	}

	/**
	 * Replaces the artist profile.
	 * @param profile the whole new profile
	 * @param now when
	 * @return whether anything changed
	 */
	public boolean updateProfile(Profile profile, Instant now) {
		if (profile.equals(profile())) {
			return false;
		}
		this.displayName = profile.displayName();
		this.handle = profile.handle();
		this.bio = profile.bio();
		this.genres = new ArrayList<>(profile.genres());
		this.location = profile.location();
		this.links.clear();
		this.links.addAll(profile.links());
		this.updatedAt = now;
		return true;
	}

}
