package com.notalabel.music.track;

/**
 * What a contributor did, in the roles DDEX and the stores ask for.
 */
public enum CreditRole {

	MAIN_ARTIST, FEATURED_ARTIST, REMIXER, COMPOSER, LYRICIST, PRODUCER, MIXING_ENGINEER, MASTERING_ENGINEER, PERFORMER

}
