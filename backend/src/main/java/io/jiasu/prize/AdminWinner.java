package io.jiasu.prize;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A prize holder as the console lists them: claim status and contact, masked like every API answer. */
public record AdminWinner(@JsonUnwrapped PrizeHolder holder, String name, String phone, String address) {}
