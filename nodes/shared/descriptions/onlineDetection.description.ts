import type { INodePropertyOptions } from 'n8n-workflow';

import { ONLINE_DETECTION_MODES, type OnlineDetectionMode } from '../transport/hubEnums';

const LABELS: Record<OnlineDetectionMode, { name: string; description: string }> = {
	None: { name: 'None', description: 'Do not check whether the device is reachable' },
	Ping: { name: 'Ping', description: 'The proxy pings the host' },
	TcpConnect: { name: 'TCP Connect', description: 'The proxy opens a TCP connection to the host' },
};

/** The Online Detection choices of Register and of a credential's Device Online Detection. */
export const onlineDetectionOptions: INodePropertyOptions[] = ONLINE_DETECTION_MODES.map(
	(mode) => ({
		...LABELS[mode],
		value: mode,
	}),
);
