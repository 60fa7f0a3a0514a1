/**
 * Creating an account, which signs the person in at once.
 */
@NullMarked
package com.notalabel.user.registration;

import org.jspecify.annotations.NullMarked;
