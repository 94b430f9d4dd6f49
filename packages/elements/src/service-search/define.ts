import { defineElement } from '../base/define.ts';
import { DvcServiceSearch } from './dvc-service-search.ts';

defineElement('dvc-service-search', DvcServiceSearch);
