import { updateDisplayOptions } from 'n8n-workflow';

import { memberChangeExecute, memberChangeProperties } from './memberChange';

const displayOptions = { show: { resource: ['group'], operation: ['addMembers'] } };

export const description = updateDisplayOptions(displayOptions, memberChangeProperties('add'));

export const execute = memberChangeExecute('add');
