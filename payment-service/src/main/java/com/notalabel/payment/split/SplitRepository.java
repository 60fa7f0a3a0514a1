package com.notalabel.payment.split;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.events.payment.SplitInvitationSent.Role;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * Split versions with their shares, read with the state of the invitations they name.
 */
@Repository
public class SplitRepository {

	private final JdbcClient jdbc;

	SplitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every version of some tracks that their owner set, for posting earnings: the
	 * versions are locked against a concurrent recoupment, and the invitations they name
	 * against a concurrent acceptance (which waits for this transaction, then moves what
	 * it posted to the held funds).
	 * @param owner the owner whose earnings are posted
	 * @param tracks the tracks
	 * @return each track's versions
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<UUID, List<SplitVersion>> versionsForPosting(UserId owner, Collection<UUID> tracks) {
		if (tracks.isEmpty()) {
			return Map.of();
		}
		List<VersionRow> rows = this.jdbc.sql("""
				select id, track_id, owner_id, version, effective_from, recoup_share_no, recoup_amount_minor,
				    recoup_currency, recouped_minor, created_at
				from split_version where owner_id = ? and track_id = any(?) order by id for update""")
			.params(owner.value(), tracks.toArray(UUID[]::new))
			.query(SplitRepository::versionRow)
			.list();
		return group(rows, true);
	}

	/**
	 * The latest version of a track.
	 * @param track the track
	 * @return the version, or {@code null} if no split was set
	 */
	@Transactional(readOnly = true)
	public @Nullable SplitVersion latest(TrackId track) {
		List<VersionRow> rows = this.jdbc.sql("""
				select id, track_id, owner_id, version, effective_from, recoup_share_no, recoup_amount_minor,
				    recoup_currency, recouped_minor, created_at
				from split_version where track_id = ? order by version desc limit 1""")
			.param(track.value())
			.query(SplitRepository::versionRow)
			.list();
		List<SplitVersion> versions = group(rows, false).getOrDefault(track.value(), List.of());
		return versions.isEmpty() ? null : versions.getFirst();
	}

	/**
	 * The latest versions of every track of an owner that name an invitation.
	 * @param invitation the invitation
	 * @return those versions
	 */
	@Transactional(readOnly = true)
	public List<SplitVersion> latestNaming(UUID invitation) {
		List<VersionRow> rows = this.jdbc.sql("""
				select v.id, v.track_id, v.owner_id, v.version, v.effective_from, v.recoup_share_no,
				    v.recoup_amount_minor, v.recoup_currency, v.recouped_minor, v.created_at
				from split_version v
				where v.version = (select max(version) from split_version l where l.track_id = v.track_id)
				    and exists (select 1 from split_share s where s.split_version_id = v.id and s.invitation_id = ?)
				order by v.created_at""").param(invitation).query(SplitRepository::versionRow).list();
		List<SplitVersion> versions = new ArrayList<>();
		group(rows, false).values().forEach(versions::addAll);
		return versions;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	int lockNextVersionNumber(TrackId track) {
		// Serialises concurrent changes of one track's split on a transaction-scoped lock.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('split:' || ?))").param(track.toString()).query().rowSet();
		return this.jdbc.sql("select coalesce(max(version), 0) + 1 from split_version where track_id = ?")
			.param(track.value())
			.query(Integer.class)
			.single();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void insert(SplitVersion version) {
		Recoupment recoupment = version.recoupment();
		this.jdbc.sql("""
				insert into split_version (id, track_id, owner_id, version, effective_from, recoup_share_no,
				    recoup_amount_minor, recoup_currency, recouped_minor, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
			.params(version.id(), version.trackId().value(), version.ownerId().value(), version.version(),
					version.effectiveFrom(), (recoupment != null) ? recoupment.shareNo() : null,
					(recoupment != null) ? recoupment.amount().amountMinor() : null,
					(recoupment != null) ? recoupment.amount().currency().getCurrencyCode() : null,
					Timestamp.from(version.createdAt()))
			.update();
		for (SplitShare share : version.shares()) {
			this.jdbc.sql("""
					insert into split_share (split_version_id, share_no, invitation_id, role, basis_points)
					values (?, ?, ?, ?, ?)""")
				.params(version.id(), share.shareNo(), share.invitationId(), share.role().name(), share.basisPoints())
				.update();
		}
	}

	/**
	 * Adds to what a version's recoupment has recouped; the version is locked by
	 * {@link #versionsForPosting}.
	 * @param version the version
	 * @param amountMinor the amount recouped now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recouped(UUID version, long amountMinor) {
		this.jdbc.sql("update split_version set recouped_minor = recouped_minor + ? where id = ?")
			.params(amountMinor, version)
			.update();
	}

	private Map<UUID, List<SplitVersion>> group(List<VersionRow> rows, boolean lockInvitations) {
		Map<UUID, List<SplitVersion>> byTrack = new LinkedHashMap<>();
		if (rows.isEmpty()) {
			return byTrack;
		}
		Map<UUID, List<SplitShare>> shares = new LinkedHashMap<>();
		UUID[] ids = rows.stream().map(VersionRow::id).toArray(UUID[]::new);
		this.jdbc.sql("""
				select s.split_version_id, s.share_no, s.invitation_id, i.email, i.accepted_by, s.role, s.basis_points
				from split_share s left join invitation i on i.id = s.invitation_id
				where s.split_version_id = any(?) order by s.split_version_id, s.share_no""")
			.param(ids)
			.query((rs, row) -> {
				UUID acceptedBy = rs.getObject(5, UUID.class);
				return shares.computeIfAbsent(rs.getObject(1, UUID.class), (key) -> new ArrayList<>())
					.add(new SplitShare(rs.getInt(2), rs.getObject(3, UUID.class), rs.getString(4),
							(acceptedBy != null) ? UserId.of(acceptedBy) : null, Role.valueOf(rs.getString(6)),
							rs.getInt(7)));
			})
			.list();
		if (lockInvitations) {
			UUID[] invitations = shares.values()
				.stream()
				.flatMap(List::stream)
				.map(SplitShare::invitationId)
				.filter((id) -> id != null)
				.distinct()
				.sorted()
				.toArray(UUID[]::new);
			if (invitations.length > 0) {
				this.jdbc.sql("select id from invitation where id = any(?) order by id for share")
					.param(invitations)
					.query(UUID.class)
					.list();
			}
		}
		for (VersionRow row : rows) {
			byTrack.computeIfAbsent(row.trackId(), (key) -> new ArrayList<>())
				.add(new SplitVersion(row.id(), TrackId.of(row.trackId()), UserId.of(row.ownerId()), row.version(),
						row.effectiveFrom(), shares.getOrDefault(row.id(), List.of()), row.recoupment(),
						row.createdAt()));
		}
		return byTrack;
	}

	private static VersionRow versionRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		LocalDate from = rs.getObject(5, LocalDate.class);
		int recoupShare = rs.getInt(6);
		Recoupment recoupment = rs.wasNull() ? null
				: new Recoupment(recoupShare, Money.of(rs.getLong(7), rs.getString(8).trim()), rs.getLong(9));
		return new VersionRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getInt(4), from, recoupment, rs.getTimestamp(10).toInstant());
	}

	private record VersionRow(UUID id, UUID trackId, UUID ownerId, int version, @Nullable LocalDate effectiveFrom,
			@Nullable Recoupment recoupment, Instant createdAt) {

	}

}
