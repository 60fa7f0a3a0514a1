package com.notalabel.audio.engine;

/**
 * Receives decoded audio block by block, one float array per channel, full scale at ±1.
 */
interface SampleSink {

	/**
	 * Takes the next block. The arrays belong to the caller and are reused for the next
	 * block.
	 * @param channels one array per channel, holding at least {@code frames} samples
	 * @param frames the number of samples per channel in this block
	 */
	void accept(float[][] channels, int frames);

}
