package com.notalabel.music.track;

/**
 * Where a track is in its life: stored and waiting for (or in) analysis, analysed, or
 * refused by the audio engine with a reason.
 */
public enum TrackStatus {

	PROCESSING, READY, FAILED

}
