package io.jiasu.risk;

import java.util.List;

/** The risk of one help: WeChat's rank of the helper (null when unknown) and the signals found. */
public record Risk(Integer rank, List<String> signals) {}
