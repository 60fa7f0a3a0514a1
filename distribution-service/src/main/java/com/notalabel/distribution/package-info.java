/**
 * distribution-service: releases, deliveries to streaming services and their status.
 */
@NullMarked
package com.notalabel.distribution;

import org.jspecify.annotations.NullMarked;
