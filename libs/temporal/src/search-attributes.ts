import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Which kind of case a workflow carries ("household"); never anything about a person. */
export const HEARTH_CASE_TYPE = defineSearchAttributeKey('HearthCaseType', SearchAttributeType.KEYWORD);

/** Registered on the dev server by scripts/lib/temporal-server.mjs; keep the two lists equal. */
export const HEARTH_SEARCH_ATTRIBUTES = ['HearthCaseType=Keyword'];
