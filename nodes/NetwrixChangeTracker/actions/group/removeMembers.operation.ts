import { updateDisplayOptions } from 'n8n-workflow';

import { memberChangeExecute, memberChangeProperties } from './memberChange';

const displayOptions = { show: { resource: ['group'], operation: ['removeMembers'] } };

export const description = updateDisplayOptions(displayOptions, memberChangeProperties('remove'));

export const execute = memberChangeExecute('remove');
