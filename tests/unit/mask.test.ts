import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdLike, maskName, maskPhone } from '../../src/domain/mask.js';

describe('masking personal data for groups', () => {
  it.each([
    ['张三', '张*'],
    ['张建国', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['李', '李*'],
  ])('shows the name %s as %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['13812341111', '138****1111'],
    ['010-65123456', '010-******56'],
    ['02887654321', '028-******21'],
  ])('shows the phone %s as %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it.each([
    ['朝阳区幸福里小区3号楼2单元501', '朝阳区幸福里小区3号楼'],
    ['团结湖北里12栋401', '团结湖北里12栋'],
    ['团结湖路9号院1号楼3层', '团结湖路9号院'],
    ['幸福里三号楼', '幸福里三号楼'],
    ['某某村东头', '某某村***'],
  ])('cuts the address %s to %s', (address, masked) => expect(maskAddress(address)).toBe(masked));

  it('never shows the door number', () => {
    expect(maskAddress('幸福里小区3号楼2单元501室')).not.toContain('501');
  });
});

describe('an external id as it may be logged', () => {
  it.each([
    ['13912345678', '139****5678'],
    ['+86 139 1234 5678', '139****5678'],
    ['110105199001011232', '110*************32'],
    ['BK-20261129-0042', 'BK-20261129-0042'],
    ['X:1', 'X:1'],
  ])('logs %s as %s', (id, logged) => expect(maskIdLike(id)).toBe(logged));
});
