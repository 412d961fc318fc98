import type { Migration } from "kysely";
import * as foundation from "./2026-11-22-001-foundation";
import * as sessions from "./2026-11-22-002-sessions";
import * as outboxAudit from "./2026-11-22-003-outbox-audit";
import * as accounts from "./2026-11-22-010-accounts";
import * as publicSearch from "./2026-11-22-030-public-search";
import * as progress from "./2026-11-22-040-progress";
import * as proposals from "./2026-11-22-020-proposals";
import * as publicVersionFollowers from "./2026-11-22-050-public-version-followers";
import * as publicVersionHubPage from "./2026-11-22-060-public-version-hub-page";
import * as urlChecks from "./2026-12-01-070-url-checks";
import * as crossLanguageSearch from "./2026-12-01-075-cross-language-search";
import * as securityAccounts from "./2026-12-01-080-security-accounts";
import * as twoFactorSessions from "./2026-12-01-130-two-factor-sessions";
import * as calls from "./2026-12-01-140-calls";
import * as hubNetwork from "./2026-12-01-150-hub-network";
import * as networkPageVersions from "./2026-12-01-160-network-page-versions";
import * as exchangePostOrganisation from "./2026-12-01-170-exchange-post-organisation";
import * as hubReportingState from "./2026-12-01-120-hub-reporting-state";
import * as publicVersionsPerHub from "./2026-12-01-120-public-versions-per-hub";
import * as searchRow from "./2026-12-01-120-search-row";
import * as exchangeSearchLanguages from "./2026-12-01-180-exchange-search-languages";
import * as searchFiling from "./2026-12-01-200-search-filing";
import * as searchPolicyCouncils from "./2026-12-01-210-search-policy-councils";
import * as linkedThroughSyncRequests from "./2026-12-02-220-linked-through-sync-requests";
import * as hubExportText from "./2026-12-02-230-hub-export-text";
import * as reportingStateVersion from "./2026-12-02-240-reporting-state-version";
import * as searchPostings from "./2026-12-02-250-search-postings";
import * as searchFilingPostings from "./2026-12-04-260-search-filing-postings";
import * as lexemePostings from "./2026-12-04-270-lexeme-postings";

/**
 * Every migration, in order. A static list (not a folder scan) so the same set runs
 * from the server, the CLI, the tests and the benchmark. Names sort by date.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-22-001-foundation": foundation,
  "2026-11-22-002-sessions": sessions,
  "2026-11-22-003-outbox-audit": outboxAudit,
  "2026-11-22-010-accounts": accounts,
  "2026-11-22-020-proposals": proposals,
  "2026-11-22-030-public-search": publicSearch,
  "2026-11-22-040-progress": progress,
  "2026-11-22-050-public-version-followers": publicVersionFollowers,
  "2026-11-22-060-public-version-hub-page": publicVersionHubPage,
  "2026-12-01-070-url-checks": urlChecks,
  "2026-12-01-075-cross-language-search": crossLanguageSearch,
  "2026-12-01-080-security-accounts": securityAccounts,
  "2026-12-01-130-two-factor-sessions": twoFactorSessions,
  "2026-12-01-140-calls": calls,
  "2026-12-01-150-hub-network": hubNetwork,
  "2026-12-01-160-network-page-versions": networkPageVersions,
  "2026-12-01-170-exchange-post-organisation": exchangePostOrganisation,
  "2026-12-01-120-hub-reporting-state": hubReportingState,
  "2026-12-01-120-public-versions-per-hub": publicVersionsPerHub,
  "2026-12-01-120-search-row": searchRow,
  "2026-12-01-180-exchange-search-languages": exchangeSearchLanguages,
  "2026-12-01-200-search-filing": searchFiling,
  "2026-12-01-210-search-policy-councils": searchPolicyCouncils,
  "2026-12-02-220-linked-through-sync-requests": linkedThroughSyncRequests,
  "2026-12-02-230-hub-export-text": hubExportText,
  "2026-12-02-240-reporting-state-version": reportingStateVersion,
  "2026-12-02-250-search-postings": searchPostings,
  "2026-12-04-260-search-filing-postings": searchFilingPostings,
  "2026-12-04-270-lexeme-postings": lexemePostings,
};
