package com.notalabel.music.processing;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Processing jobs; claiming is done in SQL by the worker.
 */
interface ProcessingJobRepository extends JpaRepository<ProcessingJob, UUID> {

	List<ProcessingJob> findByTrackId(UUID trackId);

}
