import { defineElement } from '../base/define.ts';
import { DvcProvider } from './dvc-provider.ts';

defineElement('dvc-provider', DvcProvider);
