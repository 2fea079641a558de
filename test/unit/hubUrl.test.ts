import { normalizeHubUrl } from '../../nodes/shared/transport/hubUrl';

describe('Hub URL normalization', () => {
	it.each([
		['https://hub', 'https://hub'],
		['https://hub/', 'https://hub'],
		['https://hub/api', 'https://hub'],
		['https://hub/api/', 'https://hub'],
		['  https://hub.example.com:8443/API//  ', 'https://hub.example.com:8443'],
		['http://10.0.0.5', 'http://10.0.0.5'],
		['https://proxy.example.com/changetracker/api', 'https://proxy.example.com/changetracker'],
		['HTTPS://Hub.Example.com', 'https://hub.example.com'],
	])('%s → %s', (input, base) => {
		expect(normalizeHubUrl(input)).toEqual({ base, api: `${base}/api` });
	});

	it.each([
		['', /is empty/],
		['   ', /is empty/],
		['hub.example.com', /no http:\/\/ or https:\/\/ scheme/],
		['ftp://hub', /unsupported scheme "ftp:"/],
		['javascript://hub', /unsupported scheme/],
		['https://hub example.com', /contains spaces/],
		['https://admin:Secret-1@hub', /must not contain a user name or password/],
		['https://hub/?x=1', /query string or fragment/],
		['https://', /not a valid URL|no host/],
	])('rejects %j with a message showing the expected form', (input, problem) => {
		expect(() => normalizeHubUrl(input)).toThrow(problem);
		expect(() => normalizeHubUrl(input)).toThrow(/Use the form https:\/\/<hub host>/);
	});

	it('never echoes an embedded password', () => {
		expect(() => normalizeHubUrl('https://admin:Secret-1@hub')).toThrow(
			expect.not.objectContaining({ message: expect.stringContaining('Secret-1') }),
		);
	});

	it('rejects values that are not text', () => {
		expect(() => normalizeHubUrl(undefined)).toThrow(/is empty/);
		expect(() => normalizeHubUrl(42)).toThrow(/is empty/);
	});
});
