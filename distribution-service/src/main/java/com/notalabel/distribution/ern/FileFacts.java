package com.notalabel.distribution.ern;

/**
 * A file of the batch as the message names it.
 *
 * @param path its path from the message's folder, e.g. {@code resources/...}
 * @param md5 its MD5, lower-case hex
 * @param sizeBytes its size
 */
public record FileFacts(String path, String md5, long sizeBytes) {

}
