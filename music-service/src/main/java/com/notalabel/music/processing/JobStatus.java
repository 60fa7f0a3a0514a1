package com.notalabel.music.processing;

/**
 * Where a processing job stands. {@code RUNNING} with an expired lease means its worker
 * died; the job is claimed again.
 */
public enum JobStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED

}
