// The Marketplace's and the platform's numbers and addresses (docs/DOMAIN.md "Numbers and addresses"),
// each written once. No imports: any bundle may use them.
export const MARKETPLACE_CALL_CENTER_AGENT_LINE = '1-855-788-6275';
export const FFM_HELP_DESK_EMAIL = 'FFMProducer-AssisterHelpDesk@cms.hhs.gov';
/** HealthSherpa's agent support: the default platform for filing call reports. */
export const PLATFORM_SUPPORT_EMAIL = 'Agent_Support@HealthSherpa.com';
