/**
 * Store reports picked up from each store's report folder over SFTP, each imported once.
 */
@NullMarked
package com.notalabel.analytics.store;

import org.jspecify.annotations.NullMarked;
