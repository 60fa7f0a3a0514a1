package com.notalabel.ai.thread;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.ai.writing.Written;
import com.notalabel.types.Uuid7;
import com.notalabel.types.id.UserId;

/**
 * The stored conversations. A question is stored with its answer or not at all, so a
 * failed answer leaves the thread as it was.
 */
@Component
class Threads {

	/** How much of a conversation goes back to the provider with a new question. */
	static final int HISTORY = 20;

	private final JdbcClient jdbc;

	private final Clock clock;

	Threads(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	ThreadSummary create(UserId owner, String title) {
		Instant now = this.clock.instant();
		UUID id = Uuid7.next();
		this.jdbc.sql("insert into thread (id, owner_id, title, created_at, updated_at) values (?, ?, ?, ?, ?)")
			.params(id, owner.value(), title, Timestamp.from(now), Timestamp.from(now))
			.update();
		return new ThreadSummary(id, title, now, now);
	}

	@Transactional(readOnly = true)
	Optional<ThreadSummary> find(UserId owner, UUID id) {
		return this.jdbc.sql("select id, title, created_at, updated_at from thread where id = ? and owner_id = ?")
			.params(id, owner.value())
			.query((rs, row) -> new ThreadSummary(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
			.optional();
	}

	@Transactional(readOnly = true)
	List<ThreadSummary> list(UserId owner, int page, int size) {
		return this.jdbc.sql("""
				select id, title, created_at, updated_at from thread where owner_id = ?
				order by updated_at desc, id desc limit ? offset ?""")
			.params(owner.value(), size, (long) page * size)
			.query((rs, row) -> new ThreadSummary(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	long count(UserId owner) {
		return this.jdbc.sql("select count(*) from thread where owner_id = ?")
			.param(owner.value())
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	List<MessageResponse> messages(UUID thread) {
		return this.jdbc.sql("""
				select id, role, content, fact_ids, ungrounded_removed, created_at from thread_message
				where thread_id = ? order by created_at, id""")
			.param(thread)
			.query((rs, row) -> new MessageResponse(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray()), rs.getBoolean(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	List<MessageResponse> recent(UUID thread) {
		List<MessageResponse> all = messages(thread);
		return all.subList(Math.max(0, all.size() - HISTORY), all.size());
	}

	/**
	 * Stores a question and its answer together.
	 * @return the answer as stored
	 */
	@Transactional
	MessageResponse answered(UUID thread, String question, Written answer) {
		Instant asked = this.clock.instant();
		Instant answered = asked.plusMillis(1);
		insert(thread, "user", question, List.of(), false, asked);
		MessageResponse message = insert(thread, "assistant", answer.text(), answer.factIds(),
				answer.ungroundedRemoved(), answered);
		this.jdbc.sql("update thread set updated_at = ? where id = ?")
			.params(Timestamp.from(answered), thread)
			.update();
		return message;
	}

	private MessageResponse insert(UUID thread, String role, String content, List<String> factIds, boolean removed,
			Instant at) {
		UUID id = Uuid7.next();
		this.jdbc.sql("""
				insert into thread_message (id, thread_id, role, content, fact_ids, ungrounded_removed, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, thread, role, content, factIds.toArray(String[]::new), removed, Timestamp.from(at))
			.update();
		return new MessageResponse(id, role, content, factIds, removed, at);
	}

	@Transactional
	int eraseAll(UserId owner) {
		return this.jdbc.sql("delete from thread where owner_id = ?").param(owner.value()).update();
	}

	/**
	 * @param id the thread
	 * @param title its title
	 * @param createdAt when it was started
	 * @param updatedAt when it last had an answer
	 */
	record ThreadSummary(UUID id, String title, Instant createdAt, Instant updatedAt) {

	}

}
