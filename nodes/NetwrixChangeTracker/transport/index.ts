export { CREDENTIAL_TYPE, HubClient, type HubClientOptions, type HubContext, type HubRequest } from './hubClient';
export { collectPages, PagingInconsistentError, type Page, type PagedWalk } from './paging';
export { hubError } from './hubErrors';
export * from './schemas';
