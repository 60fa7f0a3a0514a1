package com.notalabel.distribution.erasure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.distribution.catalogue.Catalogue;
import com.notalabel.distribution.release.ReleaseErasure;
import com.notalabel.types.events.user.UserDeleted;

/**
 * Erases what distribution holds about a deleted account, in the event consumer's
 * transaction: the copy of its catalogue, its name, its releases with their snapshots,
 * deliveries, timelines and the messages sent. Deleting is idempotent, so a redelivered
 * event changes nothing more. What the stores received is theirs: a takedown before the
 * account's deletion withdraws it.
 */
@Component
public class AccountErasure {

	private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

	private final Catalogue catalogue;

	private final ReleaseErasure releases;

	AccountErasure(Catalogue catalogue, ReleaseErasure releases) {
		this.catalogue = catalogue;
		this.releases = releases;
	}

	@Transactional
	public void on(UserDeleted event) {
		int releases = this.releases.erase(event.userId());
		int catalogue = this.catalogue.erase(event.userId());
		log.info("Erased deleted account {}: {} releases, {} catalogue rows", event.userId(), releases, catalogue);
	}

}
