package com.notalabel.notification.account;

import java.util.UUID;

import org.springframework.data.repository.Repository;

interface SentMailRepository extends Repository<SentMail, UUID> {

	boolean existsById(UUID eventId);

	SentMail save(SentMail mail);

}
